import { z } from "zod";

/**
 * The write limits' part of config.ts (kept apart so that file stays readable): one variable per
 * limited write, "perAccount,perIp,windowSeconds". workers/middleware/write-limits.ts applies them.
 */

/** The repeatable writes that are rate limited. */
export type WriteLimitName =
  | "checkout"
  | "payment"
  | "review"
  | "report"
  | "chatMessage"
  | "mediaUpload"
  | "dialog"
  | "shop"
  | "product"
  | "address"
  | "device"
  | "cart"
  | "transfer"
  | "fxQuote"
  | "conversion"
  | "userLookup";

/** At most `perAccount` per account (or guest cart) and `perIp` per IP in any `windowSeconds`. */
export interface WriteLimit {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

const writeLimit = (fallback: string) =>
  z
    .string()
    .trim()
    .regex(
      /^[1-9]\d{0,8},[1-9]\d{0,8},[1-9]\d{0,8}$/,
      "a write limit is 'perAccount,perIp,windowSeconds', each 1 or more",
    )
    .default(fallback)
    .transform((v): WriteLimit => {
      const [perAccount, perIp, windowSeconds] = v.split(",").map(Number);
      return { perAccount, perIp, windowSeconds };
    })
    .describe('"perAccount,perIp,windowSeconds", three whole numbers of 1 or more');

/** The variables, with their production values as defaults. */
export const WRITE_LIMIT_VARS = {
  WRITE_LIMIT_CHECKOUT: writeLimit("10,60,600"),
  WRITE_LIMIT_PAYMENT: writeLimit("20,120,600"),
  WRITE_LIMIT_REVIEW: writeLimit("20,100,3600"),
  WRITE_LIMIT_REPORT: writeLimit("30,200,3600"),
  WRITE_LIMIT_CHAT_MESSAGE: writeLimit("120,600,60"),
  WRITE_LIMIT_MEDIA_UPLOAD: writeLimit("300,1000,3600"),
  WRITE_LIMIT_DIALOG: writeLimit("60,300,3600"),
  WRITE_LIMIT_SHOP: writeLimit("3,20,86400"),
  WRITE_LIMIT_PRODUCT: writeLimit("300,1000,3600"),
  WRITE_LIMIT_ADDRESS: writeLimit("30,200,3600"),
  WRITE_LIMIT_DEVICE: writeLimit("30,300,3600"),
  WRITE_LIMIT_CART: writeLimit("600,3000,600"),
  WRITE_LIMIT_TRANSFER: writeLimit("30,200,3600"),
  // The convert page renews a quote each FX_QUOTE_TTL_SECONDS while it is open: room for an hour of that.
  WRITE_LIMIT_FX_QUOTE: writeLimit("150,600,3600"),
  WRITE_LIMIT_CONVERSION: writeLimit("30,200,3600"),
  WRITE_LIMIT_USER_LOOKUP: writeLimit("30,120,3600"),
};

type Parsed = { [K in keyof typeof WRITE_LIMIT_VARS]: WriteLimit };

/** Each write limit under the name the routes use. */
export function writeLimits(raw: Parsed): Record<WriteLimitName, WriteLimit> {
  return {
    checkout: raw.WRITE_LIMIT_CHECKOUT,
    payment: raw.WRITE_LIMIT_PAYMENT,
    review: raw.WRITE_LIMIT_REVIEW,
    report: raw.WRITE_LIMIT_REPORT,
    chatMessage: raw.WRITE_LIMIT_CHAT_MESSAGE,
    mediaUpload: raw.WRITE_LIMIT_MEDIA_UPLOAD,
    dialog: raw.WRITE_LIMIT_DIALOG,
    shop: raw.WRITE_LIMIT_SHOP,
    product: raw.WRITE_LIMIT_PRODUCT,
    address: raw.WRITE_LIMIT_ADDRESS,
    device: raw.WRITE_LIMIT_DEVICE,
    cart: raw.WRITE_LIMIT_CART,
    transfer: raw.WRITE_LIMIT_TRANSFER,
    fxQuote: raw.WRITE_LIMIT_FX_QUOTE,
    conversion: raw.WRITE_LIMIT_CONVERSION,
    userLookup: raw.WRITE_LIMIT_USER_LOOKUP,
  };
}
