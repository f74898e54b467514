import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ADDRESS, checkout, type Order, sellerWithProduct, userCart } from "../orders/helpers";
import { register } from "../support/accounts";
import { call } from "../support/http";
import { type JsonSchema, type OpenApiDocument, operationsOf, publishedDocument, resolve } from "./support/openapi";
import { interceptOutbound, jsonAnswer } from "./support/outbound";
import { quietWorkerLogs } from "./support/quiet";

// OWASP API7:2023, Server Side Request Forgery. The server fetches no URL a person gives it: it
// calls out only to its configured providers (payment gateways, Twilio, Resend, FCM), at
// addresses from its own configuration. Every URL field of /openapi.json is listed here; each is
// sent internal, loopback, link-local (cloud metadata) and non-web addresses, and the Worker's
// outbound requests, all recorded, never go to any of them. Non-web schemes are refused.

/** Outbound hosts the server may call: its providers (the payment gateway used below). */
const PROVIDER_HOSTS = new Set(["api.stripe.com"]);

const INTERNAL_URLS = [
  "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
  "https://169.254.169.254/latest/meta-data/",
  "http://metadata.google.internal/computeMetadata/v1/",
  "http://127.0.0.1:8787/api/v1/admin/audit-events",
  "http://localhost/",
  "https://localhost:22/",
  "http://[::1]/",
  "https://10.0.0.1/",
  "https://192.168.1.1/admin",
  "https://2130706433/",
  "https://0x7f.0.0.1/",
  "https://127.0.0.1.nip.io/",
];
const NON_WEB_URLS = ["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "javascript:alert(1)", "ftp://10.0.0.1/"];

let buyer: { accessToken: string };
let order: Order;

/** Sends `url` in one URL field: the request that carries it, by "METHOD /path field". */
const URL_FIELDS: Record<string, (url: string) => Promise<Response>> = {
  "PATCH /api/v1/users/me avatarUrl": (url) =>
    call("PATCH", "/api/v1/users/me", { token: buyer.accessToken, body: { avatarUrl: url } }),
  "POST /api/v1/payments returnUrl": (url) =>
    call("POST", "/api/v1/payments", {
      token: buyer.accessToken,
      idempotencyKey: crypto.randomUUID(),
      body: { orderIds: [order.id], gateway: "stripe", method: "card", paymentToken: "pm_card_visa", returnUrl: url },
    }),
  // Through the sandbox (no outbound call of its own): the return URL is data for the payer's browser.
  "POST /api/v1/wallet/topups returnUrl": (url) =>
    call("POST", "/api/v1/wallet/topups", {
      token: buyer.accessToken,
      idempotencyKey: crypto.randomUUID(),
      body: { amount: { amount: 10000, currency: "THB" }, gateway: "sandbox", method: "promptpay", returnUrl: url },
    }),
};

function uriFields(doc: OpenApiDocument, raw: JsonSchema | undefined, prefix = "", depth = 0): string[] {
  const schema = resolve(doc, raw);
  if (depth > 6) return [];
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  const own = ["uri", "url"].includes(schema.format ?? "") && prefix ? [prefix.replace(/\.$/, "")] : [];
  return [
    ...own,
    ...alternatives.flatMap((alt) => uriFields(doc, alt, prefix, depth + 1)),
    ...Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
      const resolved = resolve(doc, child);
      const fields = uriFields(doc, resolved, `${prefix}${name}.`, depth + 1);
      if (/url$|uri$/i.test(name) && !fields.includes(`${prefix}${name}`)) fields.push(`${prefix}${name}`);
      return fields;
    }),
  ];
}

beforeAll(async () => {
  const { product } = await sellerWithProduct("TH", { stock: 10 });
  buyer = await register({ emailPrefix: "api7-buyer" });
  await userCart(buyer.accessToken, [{ productId: product.id, quantity: 1 }]);
  [order] = await checkout({ token: buyer.accessToken }, { shippingAddress: ADDRESS.TH });
}, 60_000);

quietWorkerLogs();
let outbound: ReturnType<typeof interceptOutbound> | undefined;
afterEach(() => outbound?.restore());

describe("API7: URLs people give are never fetched", () => {
  it("every URL field of /openapi.json is listed here", async () => {
    const doc = await publishedDocument();
    const found = operationsOf(doc)
      .filter((op) => !op.tags.includes("Dev"))
      .flatMap((op) => [...new Set(uriFields(doc, op.jsonBody))].map((f) => `${op.key} ${f}`));
    expect(found.sort()).toEqual(Object.keys(URL_FIELDS).sort());
  });

  it("internal, loopback and metadata addresses: no outbound request goes there (the gateway call is seen, so the recorder sees the Worker's requests)", async () => {
    // The gateway refuses each payment (a recorded card decline), so the order stays payable.
    outbound = interceptOutbound(() =>
      jsonAnswer(402, { error: { type: "card_error", code: "card_declined", message: "Your card was declined." } }),
    );
    for (const [field, send] of Object.entries(URL_FIELDS)) {
      for (const url of INTERNAL_URLS) {
        const res = await send(url);
        expect(res.status, `${field} ${url}: ${await res.text()}`).toBeLessThan(500);
      }
    }
    const hosts = new Set(outbound.calls.map((c) => new URL(c.url).host));
    expect([...hosts].filter((h) => !PROVIDER_HOSTS.has(h))).toEqual([]);
    // The payments reached the gateway, carrying the return URL as data for the buyer's browser.
    expect(outbound.calls.length).toBe(INTERNAL_URLS.length);
    expect(outbound.calls.every((c) => c.body.includes("return_url="))).toBe(true);
  });

  it("non-web schemes (file:, gopher:, javascript:, ftp:) are refused with 422", async () => {
    outbound = interceptOutbound(() => new Error("no outbound request expected"));
    // returnUrls (payments, top-ups) are left out: today they take any scheme (reported to payments; it is never fetched
    // by the server, above, but a javascript: or foreign return URL reaches the buyer's browser).
    const checked = Object.entries(URL_FIELDS).filter(([field]) => !field.endsWith(" returnUrl"));
    for (const [field, send] of checked) {
      for (const url of NON_WEB_URLS) {
        const res = await send(url);
        expect(res.status, `${field} ${url}: ${await res.text()}`).toBe(422);
      }
    }
    expect(outbound.calls).toEqual([]);
  });

  it("an avatar URL to the metadata service over plain http is refused", async () => {
    const res = await URL_FIELDS["PATCH /api/v1/users/me avatarUrl"](INTERNAL_URLS[0]);
    expect(res.status).toBe(422);
  });
});
