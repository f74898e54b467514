// What the payer may choose for a currency, as pairs of gateway and method. GET /payments/options
// (being added to the API) will answer this from each gateway's own `supports`; until then this
// table mirrors workers/payments/gateways/*.ts: Stripe takes cards, Omise cards and PromptPay in
// THB, Midtrans VA/GoPay/QRIS in IDR, Xendit Indonesian VAs and the e-wallets of ID, PH and VN,
// Stripe PayNow (SGD), FPX (MYR, the payer picks a bank) and GrabPay (SGD, MYR). The
// server stays the judge: a pair it refuses (a gateway not configured, the sandbox in production)
// is answered 422 and its detail is shown.

import { FPX_BANKS, type FpxBank } from "../../../../workers/payments/gateways/regional";

export type Gateway = "sandbox" | "stripe" | "midtrans" | "xendit" | "omise";
export type PaymentKind = "card" | "qr" | "virtual_account" | "ewallet" | "online_banking";

export interface PaymentOption {
  gateway: Gateway;
  method: string;
  /** The method's brand name; cards are named by their kind. */
  label?: string;
  kind: PaymentKind;
  sandbox: boolean;
  /** The banks to choose from (FPX), sent as `bank`. */
  banks?: readonly FpxBank[];
}

const VA = ["bca_va", "bni_va", "bri_va", "permata_va"] as const;
const VA_LABEL: Record<string, string> = {
  bca_va: "BCA",
  bni_va: "BNI",
  bri_va: "BRI",
  permata_va: "Permata",
  mandiri_va: "Mandiri",
};
const EWALLETS: Record<string, { currency: string; label: string }> = {
  ovo: { currency: "IDR", label: "OVO" },
  dana: { currency: "IDR", label: "DANA" },
  shopeepay: { currency: "IDR", label: "ShopeePay" },
  gcash: { currency: "PHP", label: "GCash" },
  grabpay_ph: { currency: "PHP", label: "GrabPay" },
  paymaya: { currency: "PHP", label: "Maya" },
  shopeepay_ph: { currency: "PHP", label: "ShopeePay" },
  momo: { currency: "VND", label: "MoMo" },
  zalopay: { currency: "VND", label: "ZaloPay" },
  appota: { currency: "VND", label: "Appota" },
  vnptwallet: { currency: "VND", label: "VNPT Pay" },
  viettelpay: { currency: "VND", label: "Viettel Money" },
  shopeepay_vn: { currency: "VND", label: "ShopeePay" },
};

function realOptions(currency: string): PaymentOption[] {
  const real = (gateway: Gateway, method: string, kind: PaymentKind, label?: string): PaymentOption => ({
    gateway,
    method,
    kind,
    label,
    sandbox: false,
  });
  const options: PaymentOption[] = [real("stripe", "card", "card")];
  if (currency === "THB") options.push(real("omise", "promptpay", "qr", "PromptPay"), real("omise", "card", "card"));
  if (currency === "IDR") {
    options.push(real("midtrans", "qris", "qr", "QRIS"), real("midtrans", "gopay", "ewallet", "GoPay"));
    for (const va of VA) options.push(real("midtrans", va, "virtual_account", VA_LABEL[va]));
    options.push(real("xendit", "mandiri_va", "virtual_account", VA_LABEL.mandiri_va));
  }
  for (const [method, wallet] of Object.entries(EWALLETS)) {
    if (wallet.currency === currency) options.push(real("xendit", method, "ewallet", wallet.label));
  }
  // Stripe's regional methods: PayNow in SGD, FPX (with its banks) in MYR, GrabPay in both.
  if (currency === "SGD") options.push(real("stripe", "paynow", "qr", "PayNow"));
  if (currency === "MYR") options.push({ ...real("stripe", "fpx", "online_banking", "FPX"), banks: FPX_BANKS });
  if (currency === "SGD" || currency === "MYR") options.push(real("stripe", "grabpay", "ewallet", "GrabPay"));
  return options;
}

/** The sandbox (development and tests) answers like the real ones: a QR, a VA number, a redirect. */
function sandboxOptions(currency: string): PaymentOption[] {
  const sandbox = (method: string, kind: PaymentKind, label?: string): PaymentOption => ({
    gateway: "sandbox",
    method,
    kind,
    label,
    sandbox: true,
  });
  const regional: PaymentOption[] = [];
  if (currency === "SGD") regional.push(sandbox("paynow", "qr", "PayNow"));
  if (currency === "MYR") regional.push({ ...sandbox("fpx", "online_banking", "FPX"), banks: FPX_BANKS });
  if (currency === "SGD" || currency === "MYR") regional.push(sandbox("grabpay", "ewallet", "GrabPay"));
  return [
    ...regional,
    currency === "THB" ? sandbox("promptpay", "qr", "PromptPay") : sandbox("qris", "qr", "QRIS"),
    sandbox("bca_va", "virtual_account", VA_LABEL.bca_va),
    sandbox("card", "card"),
  ];
}

/** Every choice for an order in `currency`; the sandbox's only where the server said it is on. */
export function paymentOptions(currency: string, withSandbox: boolean): PaymentOption[] {
  return [...(withSandbox ? sandboxOptions(currency) : []), ...realOptions(currency)];
}

export function optionKey(option: Pick<PaymentOption, "gateway" | "method">): string {
  return `${option.gateway}:${option.method}`;
}
