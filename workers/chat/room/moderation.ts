import { findPhoneNumbersInText } from "libphonenumber-js/max";
import type { ChatFlagReason } from "../../../schemas/chat";
import { COUNTRIES } from "../../../schemas/identity";

/**
 * Buyer–seller (support) chats must keep payment on the platform. Messages carrying a phone number,
 * a link to a payment service, or a link that moves the conversation to another messenger are
 * flagged for admins (never blocked: the buyer may have a good reason, and a person decides).
 */

const PAYMENT_HOSTS = [
  "paypal.me",
  "paypal.com",
  "wise.com",
  "venmo.com",
  "cash.app",
  "buy.stripe.com",
  "promptpay.io",
  "truemoney.com",
  "tmn.app.link",
  "gcash.com",
  "paymaya.com",
  "maya.ph",
  "momo.vn",
  "me.momo.vn",
  "zalopay.vn",
  "vnpay.vn",
  "gopay.co.id",
  "dana.id",
  "link.dana.id",
  "ovo.id",
  "linkaja.id",
  "shopeepay.co.id",
  "touchngo.com.my",
  "boost.com.my",
  "grabpay.com",
];

const CONTACT_HOSTS = [
  "wa.me",
  "api.whatsapp.com",
  "chat.whatsapp.com",
  "line.me",
  "lin.ee",
  "t.me",
  "telegram.me",
  "m.me",
  "zalo.me",
  "signal.me",
  "wechat.com",
];

/** Words that announce a transfer outside the platform (th, vi, id/ms, fil, en). */
const PAYMENT_WORDS =
  /(promptpay|พร้อมเพย์|โอนเงิน|โอนเข้า|เลขบัญชี|truemoney|gcash|maya|momo|zalopay|chuyển khoản|số tài khoản|rekening|transfer ke|no\.? ?rek|bank transfer|account (no|number)|akaun bank|bayad sa)/iu;

const HOST = /(?:https?:\/\/)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/\s?#:]|$)/giu;

/** Thai (and other) digits to ASCII, full-width forms folded, so ๐๘๑ and ０８１ read as 081. */
function normalizeDigits(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

function hostMatches(host: string, list: readonly string[]): boolean {
  return list.some((h) => host === h || host.endsWith(`.${h}`));
}

function hasPhoneNumber(text: string): boolean {
  // Also with the separators people use to dodge filters removed ("081 . 234 . 5678").
  const compact = text.replace(/(\d)[\s.\-_/()]+(?=\d)/g, "$1");
  // International numbers written without "+" (as in wa.me/6681...): the region's calling codes.
  const plussed = compact.replace(/(^|[^\d+])((?:66|65|62|60|63|84)\d{8,11})(?!\d)/g, "$1+$2");
  for (const candidate of [text, compact, plussed]) {
    for (const country of COUNTRIES) {
      if (findPhoneNumbersInText(candidate, { defaultCountry: country }).some((f) => f.number.isValid())) return true;
    }
  }
  return false;
}

/** Why a support-chat message should be seen by an admin (empty: it need not). */
export function detectOffPlatform(rawText: string | undefined): ChatFlagReason[] {
  if (!rawText) return [];
  const text = normalizeDigits(rawText);
  const reasons = new Set<ChatFlagReason>();
  for (const match of text.toLowerCase().matchAll(HOST)) {
    const host = match[1];
    if (hostMatches(host, PAYMENT_HOSTS)) reasons.add("payment_link");
    else if (hostMatches(host, CONTACT_HOSTS)) reasons.add("contact_link");
  }
  if (PAYMENT_WORDS.test(text) && /\d{6,}/.test(text.replace(/[\s-]/g, ""))) reasons.add("payment_link");
  if (hasPhoneNumber(text)) reasons.add("phone_number");
  return [...reasons];
}
