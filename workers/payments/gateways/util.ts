import type { z } from "zod";
import { CURRENCIES, type Currency, type Money, money } from "../../platform/money";
import { GatewayError, type GatewayName, malformedAnswer } from "./types";

/** An integer count of minor units a gateway sent (Stripe, Omise) as Money; undefined unless a safe integer. */
export function fromMinor(value: unknown, currency: Currency): Money | undefined {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return undefined;
  return money(value, currency);
}

export function isCurrency(value: unknown): value is Currency {
  return typeof value === "string" && Object.hasOwn(CURRENCIES, value);
}

/** A currency code in any case ("thb", "THB") as our Currency, or undefined. */
export function currencyOf(value: unknown): Currency | undefined {
  if (typeof value !== "string") return undefined;
  const upper = value.toUpperCase();
  return isCurrency(upper) ? upper : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** A `t=<unix>,v1=<hex>[,v1=<hex>]` signature header (Stripe style; the sandbox uses it too). */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

export function requireNonEmpty(gateway: GatewayName, values: Record<string, string | undefined>): void {
  const missing = Object.entries(values)
    .filter(([, v]) => !v?.trim())
    .map(([k]) => k);
  if (missing.length > 0) throw new Error(`The ${gateway} gateway needs ${missing.join(", ")}`);
}

export function unsupported(gateway: GatewayName, method: string, currency: string): GatewayError {
  return new GatewayError(gateway, `${gateway} does not support method "${method}" in ${currency}`, {
    retryable: false,
    gatewayCode: "unsupported_method",
  });
}

/**
 * A gateway's answer checked against the documented shape before anything in it is used; a
 * mismatch is a GatewayError (malformed_answer) naming the fields, never a crash further on.
 */
export function parseAnswer<S extends z.ZodType>(
  gateway: GatewayName,
  schema: S,
  json: unknown,
  what: string,
  options: { status?: number; retryable?: boolean } = {},
): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
  throw malformedAnswer(gateway, what, issues, options);
}

/** The refund's idempotency key at the gateway: our refund id, else one derived from the payment and amount. */
export function refundKey(input: { paymentId: string; amount: Money; refundId?: string }): string {
  return input.refundId ?? `${input.paymentId}-refund-${input.amount.amount}`;
}
