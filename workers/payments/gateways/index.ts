import { MidtransGateway } from "./midtrans";
import { OmiseGateway } from "./omise";
import { SandboxGateway, type SandboxLedger } from "./sandbox";
import { StripeGateway } from "./stripe";
import { GATEWAY_NAMES, type GatewayName, type GatewayOptions, type PaymentGateway } from "./types";
import { XenditGateway } from "./xendit";

export { paymentInstructions } from "./instructions";
export { MidtransGateway } from "./midtrans";
export { OmiseGateway } from "./omise";
export {
  FPX_BANKS,
  type FpxBank,
  fpxBank,
  isRegionalMethod,
  methodInputError,
  REGIONAL_METHOD_CURRENCIES,
} from "./regional";
export {
  memorySandboxLedger,
  SANDBOX_SIGNATURE_HEADER,
  type SandboxEventPayload,
  SandboxGateway,
  type SandboxLedger,
  type SandboxRecord,
  signSandboxEvent,
} from "./sandbox";
export { StripeGateway } from "./stripe";
export * from "./types";
export { XenditGateway } from "./xendit";

/**
 * Every variable and secret the gateways read (the Worker's Env satisfies it). Only the chosen
 * gateway's entries must be set; `gatewayFor` names any that are missing.
 */
export interface PaymentGatewayConfig {
  /** Sandbox: HMAC secret of its signed events (simulate endpoint → verifyWebhook). */
  SANDBOX_WEBHOOK_SECRET?: string;
  /** Stripe: secret API key (sk_test_/sk_live_ or a restricted rk_ key). */
  STRIPE_SECRET_KEY?: string;
  /** Stripe: signing secret (whsec_...) of the webhook endpoint. */
  STRIPE_WEBHOOK_SECRET?: string;
  /** Midtrans: server key; Basic auth for the Core API and part of every notification's signature_key. */
  MIDTRANS_SERVER_KEY?: string;
  /** Midtrans: https://api.sandbox.midtrans.com (default) or https://api.midtrans.com. */
  MIDTRANS_BASE_URL?: string;
  /** Xendit: secret API key (xnd_development_/xnd_production_). */
  XENDIT_SECRET_KEY?: string;
  /** Xendit: callback verification token, compared with each callback's x-callback-token. */
  XENDIT_CALLBACK_TOKEN?: string;
  /** Omise: secret key (skey_test_/skey_). */
  OMISE_SECRET_KEY?: string;
  /** Omise: webhook signing secret, base64 as the dashboard shows it. */
  OMISE_WEBHOOK_SECRET?: string;
}

export function isGatewayName(value: string): value is GatewayName {
  return (GATEWAY_NAMES as readonly string[]).includes(value);
}

/**
 * The gateway called `name`, configured from `config`, calling out through `fetchFn` (the Worker's
 * global fetch in production, a recorder in tests). Throws, naming the variables, when the gateway
 * is not configured. The sandbox keeps its side in `sandboxLedger` (in memory without one).
 */
export function gatewayFor(
  name: GatewayName,
  config: PaymentGatewayConfig,
  fetchFn: typeof fetch,
  { sandboxLedger, ...options }: GatewayOptions & { sandboxLedger?: SandboxLedger } = {},
): PaymentGateway {
  const v = (value: string | undefined) => value?.trim() ?? "";
  switch (name) {
    case "sandbox":
      return new SandboxGateway({ webhookSecret: v(config.SANDBOX_WEBHOOK_SECRET), ledger: sandboxLedger });
    case "stripe":
      return new StripeGateway(
        { secretKey: v(config.STRIPE_SECRET_KEY), webhookSecret: v(config.STRIPE_WEBHOOK_SECRET) },
        fetchFn,
        options,
      );
    case "midtrans":
      return new MidtransGateway(
        { serverKey: v(config.MIDTRANS_SERVER_KEY), baseUrl: v(config.MIDTRANS_BASE_URL) || undefined },
        fetchFn,
        options,
      );
    case "xendit":
      return new XenditGateway(
        { secretKey: v(config.XENDIT_SECRET_KEY), callbackToken: v(config.XENDIT_CALLBACK_TOKEN) },
        fetchFn,
        options,
      );
    case "omise":
      return new OmiseGateway(
        { secretKey: v(config.OMISE_SECRET_KEY), webhookSecret: v(config.OMISE_WEBHOOK_SECRET) },
        fetchFn,
        options,
      );
    default: {
      const unknown: never = name;
      throw new Error(`Unknown payment gateway ${String(unknown)}`);
    }
  }
}

const REAL_GATEWAYS = {
  stripe: StripeGateway,
  midtrans: MidtransGateway,
  xendit: XenditGateway,
  omise: OmiseGateway,
} satisfies Record<Exclude<GatewayName, "sandbox">, { supports(method: string, currency: string): boolean }>;

/**
 * Whether the real gateway `name` takes `method` in `currency`, known without its keys: what the
 * sandbox stands in for (it takes any method itself).
 */
export function realGatewaySupports(name: keyof typeof REAL_GATEWAYS, method: string, currency: string): boolean {
  return REAL_GATEWAYS[name].supports(method, currency);
}

export const REAL_GATEWAY_NAMES = Object.keys(REAL_GATEWAYS) as (keyof typeof REAL_GATEWAYS)[];
