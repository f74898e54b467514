import { describe, expect, it } from "vitest";
import { LOCALES } from "../../schemas/platform";
import { bcp47 } from "../../workers/i18n/catalog";
import { paymentInstructions } from "../../workers/payments/gateways/instructions";
import { formatMoney, money } from "../../workers/platform/money";

const va = {
  type: "virtual_account",
  bank: "BCA",
  accountNumber: "12785002530231",
  expiresAt: "2026-03-05T07:45:00.000Z",
} as const;

describe("paymentInstructions", () => {
  it("tells an Indonesian payer the amount in rupiah, the bank, the VA number and the deadline in WIB", () => {
    const text = paymentInstructions(va, "id", money(15_000_000, "IDR"));
    expect(text).toContain(formatMoney(money(15_000_000, "IDR"), "id-ID"));
    expect(text.replace(/\u00a0/g, " ")).toBe(
      "Transfer Rp 150.000 ke virtual account BCA 12785002530231 sebelum 5 Mar 2026, 14.45 WIB.",
    );
  });

  it("tells a Thai payer the same in Thai, with the formatted amount and the VA number", () => {
    const amount = money(15_000_000, "IDR");
    const text = paymentInstructions(va, "th", amount);
    expect(text).toContain(formatMoney(amount, "th-TH"));
    expect(text).toContain("12785002530231");
    expect(text).toMatch(/^โอนเงิน .+ เข้าบัญชีเสมือน \(Virtual Account\) BCA เลขที่ 12785002530231 ภายใน /);

    const promptpay = paymentInstructions(
      { type: "qr", qrString: "000201...", expiresAt: va.expiresAt },
      "th",
      money(129_950, "THB"),
    );
    expect(promptpay).toContain(formatMoney(money(129_950, "THB"), "th-TH"));
    expect(promptpay).toContain("฿1,299.50");
    expect(promptpay).toMatch(/^สแกนคิวอาร์โค้ด/);
    // The deadline in Bangkok time and the Buddhist calendar: 14:45 on 5 March 2569.
    expect(promptpay).toContain("2569");
    expect(promptpay).toContain("14:45");
  });

  it("has every instruction in all six languages, each with the amount", () => {
    const actions = [
      va,
      { type: "qr", qrString: "x", expiresAt: va.expiresAt },
      { type: "redirect", url: "https://pay.example" },
      { type: "deeplink", url: "https://pay.example", mobileUrl: "gojek://pay" },
      { type: "none", confirmInApp: "OVO" },
      { type: "none", clientSecret: "pi_secret" },
      { type: "none" },
    ] as const;
    for (const locale of LOCALES) {
      const seen = new Set<string>();
      for (const action of actions) {
        const amount = money(250_000, "VND");
        const text = paymentInstructions(action, locale, amount);
        expect(text, `${locale} ${action.type}`).toContain(formatMoney(amount, bcp47(locale)));
        expect(text).not.toMatch(/[{}]/);
        seen.add(text);
      }
      expect(seen.size).toBe(actions.length);
    }
  });

  it("uses the payer's time zone when given", () => {
    const text = paymentInstructions(va, "en", money(15_000_000, "IDR"), { timeZone: "Asia/Makassar" });
    expect(text).toContain("03:45");
  });
});
