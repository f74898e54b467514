import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { PaymentOptionSchema, PaymentOptionsQuerySchema } from "../../schemas/payments";
import type { AppEnv } from "../app-env";
import { codAllowed } from "../logistics";
import { buyerOf, type OrderRow, shippingOptionOf } from "../orders";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { type Currency, money } from "../platform/money";
import { walletStub } from "../wallet";
import {
  FPX_BANKS,
  GATEWAY_NAMES,
  type GatewayName,
  gatewayFor,
  PAYMENT_METHODS,
  type PaymentGateway,
  type PaymentMethod,
  REAL_GATEWAY_NAMES,
  realGatewaySupports,
} from "./gateways";
import { payableOrders } from "./service";

type PaymentOption = z.infer<typeof PaymentOptionSchema>;

/**
 * How each method is paid, and its brand name. Keyed by every method of the one vocabulary
 * (gateways/types.ts), so a new method cannot be offered without saying how it is paid. Cards have
 * no label: a client names them in its own language by `kind`.
 */
const METHOD_FACTS: Record<PaymentMethod, Pick<PaymentOption, "kind" | "label">> = {
  card: { kind: "card" },
  promptpay: { kind: "qr", label: "PromptPay" },
  qris: { kind: "qr", label: "QRIS" },
  bca_va: { kind: "virtual_account", label: "BCA Virtual Account" },
  bni_va: { kind: "virtual_account", label: "BNI Virtual Account" },
  bri_va: { kind: "virtual_account", label: "BRI Virtual Account" },
  permata_va: { kind: "virtual_account", label: "Permata Virtual Account" },
  mandiri_va: { kind: "virtual_account", label: "Mandiri Virtual Account" },
  gopay: { kind: "ewallet", label: "GoPay" },
  ovo: { kind: "ewallet", label: "OVO" },
  dana: { kind: "ewallet", label: "DANA" },
  shopeepay: { kind: "ewallet", label: "ShopeePay" },
  gcash: { kind: "ewallet", label: "GCash" },
  grabpay_ph: { kind: "ewallet", label: "GrabPay" },
  paymaya: { kind: "ewallet", label: "Maya" },
  shopeepay_ph: { kind: "ewallet", label: "ShopeePay" },
  momo: { kind: "ewallet", label: "MoMo" },
  zalopay: { kind: "ewallet", label: "ZaloPay" },
  appota: { kind: "ewallet", label: "Appota" },
  vnptwallet: { kind: "ewallet", label: "VNPT Money" },
  viettelpay: { kind: "ewallet", label: "Viettel Money" },
  shopeepay_vn: { kind: "ewallet", label: "ShopeePay" },
  paynow: { kind: "qr", label: "PayNow" },
  fpx: { kind: "online_banking", label: "FPX" },
  grabpay: { kind: "ewallet", label: "GrabPay" },
};

/** The banks a method makes the payer choose from (FPX), as POST /payments takes them in `bank`. */
function methodBanks(method: PaymentMethod): Pick<PaymentOption, "banks"> {
  if (method !== "fpx") return {};
  return { banks: FPX_BANKS.map(({ code, name, business }) => ({ code, name, ...(business ? { business } : {}) })) };
}

/**
 * The gateways this deployment can take payments through: those with their keys set (a gateway
 * without them refuses to be built, as POST /payments would refuse it), and the sandbox only where
 * PAYMENTS_SANDBOX is on. Building a gateway calls nothing, so this costs no request.
 */
function configuredGateways(env: Env, sandbox: boolean): PaymentGateway[] {
  const noFetch: typeof fetch = () => Promise.reject(new Error("payment options call no gateway"));
  const names = GATEWAY_NAMES.filter((name) => name !== "sandbox" || sandbox);
  return names.flatMap((name: GatewayName) => {
    try {
      return [gatewayFor(name, env, noFetch)];
    } catch {
      return [];
    }
  });
}

/**
 * The gateway and method pairs POST /payments accepts in `currency`, each gateway's own
 * `supports(method, currency)` deciding. The sandbox takes any method; it is offered the methods
 * the real gateways take in that currency (configured here or not), as it stands in for them.
 */
export function paymentOptionsFor(env: Env, sandbox: boolean, currency: Currency): PaymentOption[] {
  const gateways = configuredGateways(env, sandbox);
  return gateways.flatMap((gateway) =>
    PAYMENT_METHODS.filter((method) =>
      gateway.name === "sandbox"
        ? REAL_GATEWAY_NAMES.some((name) => realGatewaySupports(name, method, currency))
        : gateway.supports(method, currency),
    ).map((method) => ({
      gateway: gateway.name,
      method,
      ...METHOD_FACTS[method],
      ...methodBanks(method),
      sandbox: gateway.name === "sandbox",
    })),
  );
}

/**
 * GET /payments/options: for `currency`, or for the currency of the caller's unpaid orders
 * `orderIds` (checked as POST /payments checks them: the caller's, unpaid, one currency).
 */
export async function paymentOptions(
  c: Context<AppEnv>,
  query: z.infer<typeof PaymentOptionsQuerySchema>,
): Promise<{ currency: Currency; options: PaymentOption[] }> {
  let currency = query.currency;
  let cod: PaymentOption[] = [];
  if (query.orderIds) {
    const buyer = await buyerOf(c);
    if (!buyer.userId && !buyer.guestTokenHash)
      throw new ApiError("unauthorized", "Sign in, or send the X-Cart-Token you checked out with.");
    const payable = await payableOrders(database(c.env), buyer, query.orderIds);
    currency = payable.currency;
    cod = codOption(c, payable.rows, currency);
  }
  if (!currency) throw new Error("PaymentOptionsQuerySchema lets through neither currency nor orderIds");
  const options = [...paymentOptionsFor(c.env, c.get("config").paymentsSandbox, currency), ...cod];
  const userId = c.get("auth")?.userId;
  return { currency, options: userId ? [await walletOption(c.env, userId, currency), ...options] : options };
}

/** Cash on delivery, when these orders may be paid so (logistics' codAllowed: country, courier, amount). */
function codOption(c: Context<AppEnv>, rows: OrderRow[], currency: Currency): PaymentOption[] {
  const total = money(
    rows.reduce((sum, r) => sum + r.total, 0),
    currency,
  );
  try {
    for (const row of rows)
      codAllowed(c.get("config"), { country: row.shippingCountry, total, optionId: shippingOptionOf(row) });
  } catch {
    return [];
  }
  return [{ gateway: "cod", method: "cod", kind: "cash", sandbox: false }];
}

/**
 * The signed-in caller's wallet in `currency` (guests have none), first: it pays at once. Listed
 * even when short, with what it has available (the caller's own balance, to them only), so a
 * client can offer a top-up instead of hiding the wallet.
 */
async function walletOption(env: Env, userId: string, currency: Currency): Promise<PaymentOption> {
  const balance = (await walletStub(env, userId).balances()).find((b) => b.currency === currency);
  return {
    gateway: "wallet",
    method: "wallet",
    label: "Tchat Wallet",
    kind: "ewallet",
    sandbox: false,
    available: money(balance?.available ?? 0, currency),
  };
}
