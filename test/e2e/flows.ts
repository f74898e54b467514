import { expect, inject } from "vitest";

// Plain HTTP against the real local server of the e2e global setup (wrangler dev, seeded demo
// data), the way a client would use it: nothing imported from the Worker.

export const base = inject("baseUrl");

/** Who calls: a signed-in user (token), a guest with a cart (cartToken), or neither. */
export interface Who {
  token?: string;
  cartToken?: string;
}

/** One request; the body is read as text and, where it parses, as JSON. */
export async function api(
  method: string,
  path: string,
  who: Who = {},
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(who.token ? { Authorization: `Bearer ${who.token}` } : {}),
      ...(who.cartToken ? { "X-Cart-Token": who.cartToken } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely here and checked by expect()
  return { status: res.status, headers: res.headers, text, json: json as Record<string, any> };
}

/** `api`, expecting this status. */
export async function ok(
  method: string,
  path: string,
  who: Who = {},
  body?: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  const res = await api(method, path, who, body, headers);
  expect(res.status, `${method} ${path}: ${res.text.slice(0, 500)}`).toBe(status);
  return res;
}

/** A deliverable address in Bangkok. */
export const ADDRESS_TH = {
  recipientName: "สมหญิง รักสงบ",
  phone: "089 765 4321",
  street: "99/1 ถนนสุขุมวิท",
  city: "คลองเตย",
  province: "กรุงเทพมหานคร",
  postalCode: "10110",
  country: "TH",
};

/** A new account signed up by email (in Thailand). */
export async function signUp(name: string, locale?: string) {
  const email = `e2e-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const res = await ok(
    "POST",
    "/api/v1/auth/register",
    {},
    { email, password: "Sawasdee2026", displayName: name, country: "TH", ...(locale ? { locale } : {}) },
    201,
  );
  return { token: res.json.accessToken as string, userId: res.json.user.id as string, email };
}

// --- Cart → checkout → sandbox payment --------------------------------------------------------

/** Puts a product in the cart; returns who buys from here on (a guest with the cart token they were given). */
export async function addToCart(who: Who, productId: string, quantity = 1): Promise<Who> {
  const added = await ok("POST", "/api/v1/cart/items", who, { productId, quantity });
  const cartToken = who.token ? undefined : (added.headers.get("X-Cart-Token") ?? undefined);
  return { ...who, ...(cartToken ? { cartToken } : {}) };
}

/** Checks the cart out (201); the same key again replays the checkout. */
export const checkout = (buyer: Who, body: Record<string, unknown>, idempotencyKey: string = crypto.randomUUID()) =>
  ok("POST", "/api/v1/orders", buyer, body, 201, { "Idempotency-Key": idempotencyKey });

/** Starts a sandbox PromptPay payment of the orders (201). */
export const startPayment = (buyer: Who, orderIds: string[]) =>
  ok("POST", "/api/v1/payments", buyer, { orderIds, gateway: "sandbox", method: "promptpay" }, 201, {
    "Idempotency-Key": crypto.randomUUID(),
  });

/** The sandbox gateway reports the payment's outcome (as its webhook would). */
export const simulatePayment = (buyer: Who, paymentId: string, outcome: "success" | "failure" = "success") =>
  ok("POST", `/api/v1/payments/${paymentId}/simulate`, buyer, { outcome });
