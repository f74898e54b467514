import { env } from "cloudflare:test";
import { expect } from "vitest";
import { piiLookupHash } from "../../workers/platform/pii";
import { type RegisterOptions, register } from "../support/accounts";
import { expectJson, expectProblem, get, post } from "../support/http";

export { STRONG_PASSWORD, uniqueEmail } from "../support/accounts";
export * from "../support/http";

export interface User {
  id: string;
  phone?: string;
  email?: string;
  country: string;
  locale: string;
  timezone: string;
  displayName: string;
  avatarUrl?: string;
  status: string;
  roles: string[];
  createdAt: string;
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  user: User;
  isNewUser: boolean;
}

export interface Device {
  id: string;
  platform: "ios" | "android" | "web";
  name?: string;
}

export interface OutboxItem {
  id: string;
  channel: string;
  to: string;
  locale: string;
  subject?: string;
  body: string;
  createdAt: string;
}

/** A Retry-After header holding a positive number of seconds, at most `max`. */
export function expectRetryAfter(res: Response, max: number): number {
  const value = Number(res.headers.get("Retry-After"));
  expect(Number.isInteger(value)).toBe(true);
  expect(value).toBeGreaterThan(0);
  expect(value).toBeLessThanOrEqual(max);
  return value;
}

// --- Unique test data -------------------------------------------------------------------------

let sequence = Math.floor(Math.random() * 5_000_000);

/** A fresh valid Thai mobile number in E.164 (+66 81 xxx xxxx). */
export function thaiMobile(): string {
  sequence += 1;
  return `+6681${String(sequence % 10_000_000).padStart(7, "0")}`;
}

export function newDevice(platform: Device["platform"] = "ios", name?: string): Device {
  return { id: `device-${crypto.randomUUID()}`, platform, ...(name ? { name } : {}) };
}

let ipSequence = 0;
/** A fresh documentation-range IP, so per-IP counters of different tests never meet. */
export function uniqueIp(): string {
  ipSequence += 1;
  return `198.51.${Math.floor(ipSequence / 250) % 250}.${(ipSequence % 250) + 1}`;
}

// --- D1 helpers --------------------------------------------------------------------------------

export const phoneHash = (phone: string) => piiLookupHash(env, phone);

/** Forgets the per-number OTP counters (resend window and hourly count): time has "passed". */
export async function resetOtpCounters(phone: string): Promise<void> {
  const hash = await phoneHash(phone);
  await env.DB.prepare("DELETE FROM rate_counters WHERE key IN (?, ?)")
    .bind(`otp-resend:${hash}`, `otp-phone:${hash}`)
    .run();
}

/** Dev outbox rows for a recipient (D1), newest first. */
export async function outboxFor(to: string, channel?: "sms" | "email" | "push"): Promise<OutboxItem[]> {
  const { results } = await env.DB.prepare(
    'SELECT id, channel, recipient AS "to", locale, subject, body, created_at AS createdAt FROM dev_outbox WHERE recipient = ? AND (? IS NULL OR channel = ?) ORDER BY id DESC',
  )
    .bind(to, channel ?? null, channel ?? null)
    .all<OutboxItem>();
  return results;
}

/** The dev outbox through its HTTP API (CONTRACT: GET /api/v1/dev/outbox?to=&channel=). */
export async function outboxApi(to: string, channel: "sms" | "email" | "push"): Promise<OutboxItem[]> {
  const res = await get(`/api/v1/dev/outbox?to=${encodeURIComponent(to)}&channel=${channel}`);
  return (await expectJson<{ items: OutboxItem[] }>(res, 200)).items;
}

const SIX_DIGITS = /(?<!\d)(\d{6})(?!\d)/;

/** The code in the newest SMS to `phone` (E.164). */
export async function latestCode(phone: string): Promise<string> {
  const [sms] = await outboxFor(phone, "sms");
  expect(sms, `no SMS to ${phone}`).toBeDefined();
  const match = SIX_DIGITS.exec(sms.body);
  expect(match, sms.body).not.toBeNull();
  return match![1];
}

/** Requests a code (after resetting the number's counters) and returns it. */
export async function requestCode(
  phone: string,
  country = "TH",
  options: { locale?: string; input?: string; ip?: string } = {},
): Promise<string> {
  await resetOtpCounters(phone);
  const res = await post(
    "/api/v1/auth/otp/request",
    { phone: options.input ?? phone, country, ...(options.locale ? { locale: options.locale } : {}) },
    { ip: options.ip },
  );
  await expectJson(res, 202);
  return latestCode(phone);
}

/** A full SMS sign-in (sign-up on first use). */
export async function otpSignIn(
  phone: string,
  options: { country?: string; device?: Device; locale?: string; ip?: string } = {},
): Promise<Tokens> {
  const country = options.country ?? "TH";
  const code = await requestCode(phone, country, { locale: options.locale, ip: options.ip });
  const res = await post(
    "/api/v1/auth/otp/verify",
    { phone, country, code, device: options.device ?? newDevice() },
    { ip: options.ip },
  );
  return expectJson<Tokens>(res, 200);
}

/** An email sign-up (after which the user is signed in). */
export const registerUser = (options: RegisterOptions = {}) => register<Tokens>(options);

export async function login(email: string, password: string, device?: Device, ip?: string): Promise<Response> {
  return post("/api/v1/auth/login", { email, password, ...(device ? { device } : {}) }, { ip });
}

/** GET /users/me with a token: 200 or the 401 problem. */
export const me = (token: string) => get("/api/v1/users/me", token);

export async function expectTokenRefused(token: string): Promise<void> {
  await expectProblem(await me(token), 401, "unauthorized");
}

export async function expectTokenAccepted(token: string): Promise<User> {
  return expectJson<User>(await me(token), 200);
}

/** Every column of every row of a table, as one string per row (for "no plaintext here" checks). */
export async function rowsAsText(table: string, where = "1 = 1", ...params: unknown[]): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT * FROM ${table} WHERE ${where}`)
    .bind(...params)
    .all<Record<string, unknown>>();
  return results.map((row) => JSON.stringify(row));
}

/** Addresses of the caller, as the address-book tests and the privacy tests use them. */
export interface Address {
  id: string;
  label?: string;
  recipientName: string;
  phone: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  isPrimary: boolean;
}

export const ADDRESSES = "/api/v1/users/me/addresses";

export const thaiAddress = (overrides: Record<string, unknown> = {}) => ({
  label: "Home",
  recipientName: "Somchai Jaidee",
  phone: "081 234 5678",
  street: "99/9 Sukhumvit Soi 11",
  city: "Khlong Toei Nuea, Watthana",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
  ...overrides,
});

export const createAddress = (token: string, body: Record<string, unknown>) => post(ADDRESSES, body, { token });
export const listAddresses = async (token: string) =>
  (await expectJson<{ items: Address[]; nextCursor: string | null }>(await get(ADDRESSES, token), 200)).items;
