import { describe, expect, it } from "vitest";
import { dateTimeFormat, isKnownTimeZone, numberFormat, pluralRules } from "../../workers/platform/intl";

// The isolate's one memo of DateTimeFormats (payments' instructions, invoices, receipts, notification
// texts, quiet hours, the i18n catalog): the same formatter for the same arguments, never a wrong one.
describe("dateTimeFormat", () => {
  it("builds a formatter once per locale, options and zone, and formats as Intl does", () => {
    const options = { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Bangkok" } as const;
    const first = dateTimeFormat("th-TH", options);
    expect(dateTimeFormat("th-TH", { ...options })).toBe(first);
    expect(dateTimeFormat("th-TH", { ...options, timeZone: "Asia/Jakarta" })).not.toBe(first);
    expect(dateTimeFormat("id-ID", options)).not.toBe(first);
    const at = new Date("2026-03-06T07:30:00Z");
    expect(first.format(at)).toBe(new Intl.DateTimeFormat("th-TH", options).format(at));
  });

  it("keys an Intl.Locale by its tag, not as an empty object", () => {
    const options = { dateStyle: "long", timeZone: "UTC" } as const;
    const vi = dateTimeFormat(new Intl.Locale("vi-VN"), options);
    const en = dateTimeFormat(new Intl.Locale("en-SG"), options);
    expect(vi).not.toBe(en);
    expect(vi.resolvedOptions().locale).toBe("vi-VN");
    expect(dateTimeFormat("vi-VN", options)).toBe(vi);
  });

  it("throws RangeError for a zone the runtime does not know, and keeps nothing for it", () => {
    expect(() => dateTimeFormat("en", { timeZone: "Mars/Olympus_Mons" })).toThrow(RangeError);
    expect(isKnownTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isKnownTimeZone("Asia/Ho_Chi_Minh")).toBe(true);
    expect(isKnownTimeZone("")).toBe(false);
  });
});

describe("numberFormat and pluralRules", () => {
  it("are kept per arguments, apart from each other and from date formats of the same arguments", () => {
    const baht = numberFormat("th-TH", { style: "currency", currency: "THB" });
    expect(numberFormat("th-TH", { style: "currency", currency: "THB" })).toBe(baht);
    expect(numberFormat("th-TH", { style: "currency", currency: "VND" })).not.toBe(baht);
    expect(baht.format(1234.5)).toBe(
      new Intl.NumberFormat("th-TH", { style: "currency", currency: "THB" }).format(1234.5),
    );
    const plural = pluralRules("en");
    expect(pluralRules("en")).toBe(plural);
    expect(pluralRules("en", { type: "ordinal" })).not.toBe(plural);
    expect(plural.select(1)).toBe("one");
    expect(pluralRules("en", { type: "ordinal" }).select(2)).toBe("two");
    expect(numberFormat("en", {})).toBeInstanceOf(Intl.NumberFormat);
    expect(dateTimeFormat("en", {})).toBeInstanceOf(Intl.DateTimeFormat);
  });
});
