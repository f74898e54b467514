import { describe, expect, it } from "vitest";
import { createFormat } from "../../web/src/format";

// Money arrives in minor units (CONTRACT.md): VND has none, the others two; IDR and VND are whole
// units by the rounding policy, so no fraction is shown for them.

describe("web app formatting (Intl)", () => {
  it("divides by the currency's minor unit and writes it the reader's way", () => {
    const th = createFormat("th-TH");
    expect(th.money({ amount: 19900, currency: "THB" })).toBe("฿199.00");
    expect(createFormat("vi-VN").money({ amount: 189000, currency: "VND" })).toMatch(/^189\.000\s₫$/);
    expect(createFormat("id-ID").money({ amount: 12900000, currency: "IDR" })).toMatch(/^Rp\s129\.000$/);
    expect(createFormat("en-SG").money({ amount: 6900, currency: "MYR" })).toMatch(/^MYR\s69\.00$/);
  });

  it("formats the same amount differently per locale", () => {
    const money = { amount: 129000, currency: "THB" };
    expect(createFormat("th-TH").money(money)).not.toBe(createFormat("en-SG").money(money));
  });

  it("formats numbers and dates by the locale", () => {
    expect(createFormat("id-ID").number(1234567)).toBe("1.234.567");
    expect(createFormat("en-SG").date("2026-12-05T00:00:00Z", "long")).toContain("2026");
    expect(createFormat("th-TH").date("2026-12-05T00:00:00Z", "long")).toContain("2569");
  });
});
