import type { BrowserContext } from "playwright-core";
import { expect, inject } from "vitest";

// People for the wallet's browser tests: signed in by phone (the code from the dev outbox, as an
// SMS would bring it) and plain API calls against the e2e server, nothing imported from the Worker.

const base = inject("baseUrl");
export interface Person {
  id: string;
  /** National format, as a person types it: "08x xxx xxxx". */
  localPhone: string;
  token: string;
  session: { accessToken: string; refreshToken: string; expiresAt: number };
}

export async function call(path: string, init: { method?: string; token?: string; body?: unknown; key?: string } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.key ? { "Idempotency-Key": init.key } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  expect(res.ok, `${path}: ${res.status} ${text.slice(0, 300)}`).toBe(true);
  // biome-ignore lint/suspicious/noExplicitAny: answers are read loosely and checked by expect()
  return (text ? JSON.parse(text) : {}) as any;
}

/** A new person signed in by phone in Thailand (the code from the dev outbox), named `name`. */
export async function signIn(name: string): Promise<Person> {
  const digits = String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
  const phone = `+668${digits}`;
  await call("/api/v1/auth/otp/request", { body: { phone, country: "TH" } });
  const outbox = await call(`/api/v1/dev/outbox?to=${encodeURIComponent(phone)}&channel=sms`);
  const code = (outbox.items as { body: string }[])[0]?.body.match(/\b\d{6}\b/)?.[0];
  expect(code).toBeDefined();
  const tokens = await call("/api/v1/auth/otp/verify", {
    body: { phone, country: "TH", code, device: { id: `web-${digits}`, platform: "web", name: "Chromium" } },
  });
  await call("/api/v1/users/me", { method: "PATCH", token: tokens.accessToken, body: { displayName: name } });
  return {
    id: tokens.user.id,
    localPhone: `08${digits}`,
    token: tokens.accessToken,
    session: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: Date.now() + tokens.expiresIn * 1000,
    },
  };
}

/** A browser context (from useBrowser) signed in as `person`, the session where web/src/api/session.ts keeps it. */
export async function contextAs(
  newContext: (locale?: string) => Promise<BrowserContext>,
  person: Person,
  locale = "en-US",
): Promise<BrowserContext> {
  const context = await newContext(locale);
  await context.addInitScript((session) => {
    localStorage.setItem("tchat.session", JSON.stringify(session));
  }, person.session);
  return context;
}

/**
 * Money into `person`'s wallet the only way money enters (CONTRACT.md): a top-up through the sandbox
 * gateway, paid by its simulate (the same path as a real webhook); resolves once it is available.
 */
export async function credit(person: Person, amount: { amount: number; currency: string }) {
  const before = await availableOf(person, amount.currency);
  const topup = await call("/api/v1/wallet/topups", {
    token: person.token,
    key: crypto.randomUUID(),
    body: { amount, gateway: "sandbox", method: amount.currency === "THB" ? "promptpay" : "qris" },
  });
  await call(`/api/v1/payments/${topup.payment.id}/simulate`, { token: person.token, body: { outcome: "success" } });
  await expect.poll(() => availableOf(person, amount.currency), { timeout: 20_000 }).toBe(before + amount.amount);
}

export async function availableOf(person: Person, currency: string): Promise<number> {
  const wallets = (await call("/api/v1/wallets", { token: person.token })).items as {
    currency: string;
    available: { amount: number };
  }[];
  return wallets.find((w) => w.currency === currency)?.available.amount ?? 0;
}
