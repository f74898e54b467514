import { base64Encode } from "../../platform/crypto";
import { CURRENCIES, type Currency, type Money, money } from "../../platform/money";
import { GatewayError, type GatewayName } from "./types";

export {
  base64Decode,
  base64Encode,
  constantTimeEqual,
  hex,
  hmacSha256Hex,
  sha512Hex,
} from "../../platform/crypto";

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface GatewayResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
}

/**
 * One outbound call through the injected fetch. A failure to get any answer (DNS, reset, timeout)
 * becomes a retryable GatewayError; any answer, whatever its status, is returned for the gateway to
 * judge, since each gateway words its errors differently.
 */
export async function send(
  gateway: GatewayName,
  fetchFn: typeof fetch,
  request: { method: "GET" | "POST"; url: string; headers: Record<string, string>; body?: string; timeoutMs?: number },
): Promise<GatewayResponse> {
  let response: Response;
  try {
    response = await fetchFn(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new GatewayError(gateway, `${gateway} request failed: ${reason}`, { retryable: true, cause: err });
  }
  const text = await response.text().catch(() => "");
  return { status: response.status, ok: response.ok, headers: response.headers, text, json: parseJson(text) };
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** HTTP statuses worth retrying: rate limiting and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

export function basicAuth(user: string, password: string): string {
  return `Basic ${base64Encode(new TextEncoder().encode(`${user}:${password}`))}`;
}

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
 * A GatewayError from an error response whose body names a `code` and a `message` (the shape
 * Omise and Xendit share): retried only for 429/5xx, never for a 2xx the caller could not read.
 */
export function gatewayErrorFrom(
  gateway: GatewayName,
  label: string,
  response: GatewayResponse,
  code: string | undefined,
  message: string | undefined,
): GatewayError {
  return new GatewayError(
    gateway,
    `${label} ${response.status}${code ? ` (${code})` : ""}: ${message ?? `HTTP ${response.status}`}`,
    {
      status: response.status,
      retryable: !response.ok && isRetryableStatus(response.status),
      gatewayCode: code,
      retryAfterSeconds: retryAfterSeconds(response.headers.get("Retry-After")),
    },
  );
}
