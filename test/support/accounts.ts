import { env } from "cloudflare:test";
import { expectJson, post } from "./http";

export const STRONG_PASSWORD = "Sawasdee2026";

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 12)}@example.com`;
}

export interface RegisterOptions {
  email?: string;
  /** The local part's prefix of the generated email (when no `email` is given). */
  emailPrefix?: string;
  password?: string;
  displayName?: string;
  country?: string;
  locale?: string;
  ip?: string;
  headers?: Record<string, string>;
}

/** What POST /auth/register answers, at the least. */
export interface Registered {
  accessToken: string;
  user: { id: string };
}

/** A real sign-up by email through the API (slow: PBKDF2); expects 201. */
export async function register<T extends Registered = Registered>(
  options: RegisterOptions = {},
): Promise<T & { email: string; password: string }> {
  const email = options.email ?? uniqueEmail(options.emailPrefix);
  const password = options.password ?? STRONG_PASSWORD;
  const res = await post(
    "/api/v1/auth/register",
    {
      email,
      password,
      displayName: options.displayName ?? "Somchai",
      country: options.country ?? "TH",
      ...(options.locale ? { locale: options.locale } : {}),
    },
    { ip: options.ip, headers: options.headers },
  );
  const tokens = await expectJson<T>(res, 201);
  return { ...tokens, email, password };
}

/** Grants the admin role in D1 (roles are read from the account on every request). */
export async function grantAdmin(userId: string): Promise<void> {
  await env.DB.prepare(`UPDATE users SET roles = '["customer","admin"]' WHERE id = ?`).bind(userId).run();
}
