import { describe, expect, it } from "vitest";
import { parseAmount, typedAmount } from "../../web/src/views/wallet/amount";

// What a person types into the wallet's amount fields becomes Money in minor units (CONTRACT.md):
// either separator may mark decimals, the other groups thousands; IDR and VND are whole units.

describe("wallet amounts typed by a person", () => {
  it("reads decimals after a dot or a comma, in minor units", () => {
    expect(parseAmount("150", "THB")).toBe(15000);
    expect(parseAmount("150.5", "THB")).toBe(15050);
    expect(parseAmount("150,50", "MYR")).toBe(15050);
    expect(parseAmount("0.01", "USD")).toBe(1);
  });

  it("reads grouped thousands the ways the six languages write them", () => {
    expect(parseAmount("1,250.75", "THB")).toBe(125075);
    expect(parseAmount("1.250,75", "PHP")).toBe(125075);
    expect(parseAmount("1,250", "SGD")).toBe(125000);
    expect(parseAmount("15 000", "THB")).toBe(1500000);
    expect(parseAmount("1.250.000", "IDR")).toBe(125000000);
    expect(parseAmount("200.000", "VND")).toBe(200000);
  });

  it("refuses what is not a positive amount of that currency", () => {
    for (const text of ["", "abc", "0", "0.00", "-5", "1.2345", "1,2,3", "12.5", "1e5"]) {
      const currency = text === "12.5" ? "IDR" : "THB";
      expect(parseAmount(text, currency), `${text} ${currency}`).toBeNull();
    }
  });

  it("writes an amount back the way the field takes it", () => {
    expect(typedAmount(15050, "THB")).toBe("150.50");
    expect(typedAmount(15000, "THB")).toBe("150");
    expect(typedAmount(125000000, "IDR")).toBe("1250000");
    expect(typedAmount(200000, "VND")).toBe("200000");
    expect(parseAmount(typedAmount(987654, "USD"), "USD")).toBe(987654);
  });
});
