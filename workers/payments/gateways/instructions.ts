import { IntlMessageFormat } from "intl-messageformat";
import type { Locale } from "../../../schemas/platform";
import { bcp47 } from "../../i18n/catalog";
import { dateTimeFormat } from "../../platform/intl";
import { type Currency, formatMoney, type Money } from "../../platform/money";
import type { NextAction, VirtualAccountBank } from "./types";

type InstructionId = "virtual_account" | "qr" | "redirect" | "deeplink" | "confirm_in_app" | "card" | "none";

/**
 * Payment instructions per locale (ICU MessageFormat). Parameters arrive already formatted:
 * `amount` by formatMoney for the locale, `expiresAt` as a local date and time with its zone.
 */
const MESSAGES: Record<Locale, Record<InstructionId, string>> = {
  en: {
    virtual_account: "Transfer {amount} to {bank} virtual account {accountNumber} before {expiresAt}.",
    qr: "Scan the QR code with your banking or e-wallet app and pay {amount} before {expiresAt}.",
    redirect: "Continue to the payment page to pay {amount}.",
    deeplink: "Open the payment app to pay {amount}.",
    confirm_in_app: "Open the {app} app and confirm the payment of {amount}.",
    card: "Enter your card details to pay {amount}.",
    none: "Complete the payment of {amount}.",
  },
  th: {
    virtual_account: "โอนเงิน {amount} เข้าบัญชีเสมือน (Virtual Account) {bank} เลขที่ {accountNumber} ภายใน {expiresAt}",
    qr: "สแกนคิวอาร์โค้ดด้วยแอปธนาคารหรือวอลเล็ต แล้วชำระเงิน {amount} ภายใน {expiresAt}",
    redirect: "ไปที่หน้าชำระเงินเพื่อชำระ {amount}",
    deeplink: "เปิดแอปชำระเงินเพื่อชำระ {amount}",
    confirm_in_app: "เปิดแอป {app} แล้วยืนยันการชำระเงิน {amount}",
    card: "กรอกข้อมูลบัตรเพื่อชำระเงิน {amount}",
    none: "ชำระเงิน {amount} ให้เสร็จสิ้น",
  },
  id: {
    virtual_account: "Transfer {amount} ke virtual account {bank} {accountNumber} sebelum {expiresAt}.",
    qr: "Pindai kode QR dengan aplikasi bank atau e-wallet Anda dan bayar {amount} sebelum {expiresAt}.",
    redirect: "Lanjutkan ke halaman pembayaran untuk membayar {amount}.",
    deeplink: "Buka aplikasi pembayaran untuk membayar {amount}.",
    confirm_in_app: "Buka aplikasi {app} dan konfirmasi pembayaran sebesar {amount}.",
    card: "Masukkan data kartu Anda untuk membayar {amount}.",
    none: "Selesaikan pembayaran sebesar {amount}.",
  },
  ms: {
    virtual_account: "Pindahkan {amount} ke akaun maya {bank} {accountNumber} sebelum {expiresAt}.",
    qr: "Imbas kod QR dengan aplikasi bank atau e-dompet anda dan bayar {amount} sebelum {expiresAt}.",
    redirect: "Teruskan ke halaman pembayaran untuk membayar {amount}.",
    deeplink: "Buka aplikasi pembayaran untuk membayar {amount}.",
    confirm_in_app: "Buka aplikasi {app} dan sahkan pembayaran sebanyak {amount}.",
    card: "Masukkan butiran kad anda untuk membayar {amount}.",
    none: "Lengkapkan pembayaran sebanyak {amount}.",
  },
  fil: {
    virtual_account: "Mag-transfer ng {amount} sa {bank} virtual account {accountNumber} bago ang {expiresAt}.",
    qr: "I-scan ang QR code gamit ang iyong banking o e-wallet app at magbayad ng {amount} bago ang {expiresAt}.",
    redirect: "Magpatuloy sa payment page para magbayad ng {amount}.",
    deeplink: "Buksan ang payment app para magbayad ng {amount}.",
    confirm_in_app: "Buksan ang {app} app at kumpirmahin ang bayad na {amount}.",
    card: "Ilagay ang detalye ng iyong card para magbayad ng {amount}.",
    none: "Tapusin ang pagbabayad ng {amount}.",
  },
  vi: {
    virtual_account: "Chuyển khoản {amount} vào tài khoản ảo {bank} số {accountNumber} trước {expiresAt}.",
    qr: "Quét mã QR bằng ứng dụng ngân hàng hoặc ví điện tử và thanh toán {amount} trước {expiresAt}.",
    redirect: "Tiếp tục đến trang thanh toán để thanh toán {amount}.",
    deeplink: "Mở ứng dụng thanh toán để thanh toán {amount}.",
    confirm_in_app: "Mở ứng dụng {app} và xác nhận thanh toán {amount}.",
    card: "Nhập thông tin thẻ để thanh toán {amount}.",
    none: "Hoàn tất thanh toán {amount}.",
  },
};

const BANK_NAMES: Record<VirtualAccountBank, string> = {
  BCA: "BCA",
  BNI: "BNI",
  BRI: "BRI",
  PERMATA: "Permata",
  MANDIRI: "Mandiri",
};

/** Expiry times are shown in the payer's zone; without one, in the zone of the currency's country. */
const CURRENCY_TIME_ZONE: Record<Currency, string> = {
  THB: "Asia/Bangkok",
  SGD: "Asia/Singapore",
  IDR: "Asia/Jakarta",
  MYR: "Asia/Kuala_Lumpur",
  PHP: "Asia/Manila",
  VND: "Asia/Ho_Chi_Minh",
  USD: "UTC",
};

const compiled = new Map<string, IntlMessageFormat>();

function render(locale: Locale, id: InstructionId, params: Record<string, string>): string {
  const own = MESSAGES[locale] ? locale : "en";
  const key = `${own}|${id}`;
  let message = compiled.get(key);
  if (!message) {
    message = new IntlMessageFormat(MESSAGES[own][id], bcp47(own), undefined, { ignoreTag: true });
    compiled.set(key, message);
  }
  return String(message.format(params));
}

function formatExpiry(iso: string, locale: Locale, timeZone: string): string {
  return dateTimeFormat(bcp47(locale), {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(new Date(iso));
}

/**
 * What to tell the payer for a next action, in their language: e.g. (id) "Transfer Rp 150.000 ke
 * virtual account BCA 8808123456789012 sebelum 6 Mar 2026, 14.30 WIB." Money is formatted by
 * formatMoney for the locale; expiry in `options.timeZone` (default: the currency's country).
 */
export function paymentInstructions(
  nextAction: NextAction,
  locale: Locale,
  amount: Money,
  options: { timeZone?: string } = {},
): string {
  const tag = bcp47(locale);
  const formattedAmount = formatMoney(amount, tag);
  const timeZone = options.timeZone ?? CURRENCY_TIME_ZONE[amount.currency];
  switch (nextAction.type) {
    case "virtual_account":
      return render(locale, "virtual_account", {
        amount: formattedAmount,
        bank: BANK_NAMES[nextAction.bank],
        accountNumber: nextAction.accountNumber,
        expiresAt: formatExpiry(nextAction.expiresAt, locale, timeZone),
      });
    case "qr":
      return render(locale, "qr", {
        amount: formattedAmount,
        expiresAt: formatExpiry(nextAction.expiresAt, locale, timeZone),
      });
    case "redirect":
      return render(locale, "redirect", { amount: formattedAmount });
    case "deeplink":
      return render(locale, "deeplink", { amount: formattedAmount });
    case "none":
      if (nextAction.confirmInApp)
        return render(locale, "confirm_in_app", { amount: formattedAmount, app: nextAction.confirmInApp });
      return render(locale, nextAction.clientSecret ? "card" : "none", { amount: formattedAmount });
  }
}
