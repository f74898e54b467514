import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { call, expectJson, expectProblem } from "../support/http";
import {
  type Input,
  type OwnedResources,
  ownedResources,
  type People,
  type Person,
  people,
  RESOURCE_BY_SEGMENT,
  SAMPLE_INPUT,
} from "./route-security.fixture";

// The route-security sweep, generated from the routes the app registers (createApp().routes) and the
// security each one declares in the OpenAPI document, so a new route is covered without editing
// this file:
// - a route that requires a bearer token answers 401 problem+json without one;
// - an operator route (/api/v1/admin/...) answers 403 to a signed-in customer;
// - an authenticated route with path parameters, filled with user A's resources, answers 403 or 404
//   to another signed-in user B (and, where guests may call it, to a caller without credentials),
//   and A's resources stay as they were.
// A route that declares no security must be on PUBLIC_ROUTES; a path parameter no resource of A's
// fills, and a route that checks its input before its caller without a sample input, fail.

/**
 * Routes anyone may call, on purpose. Every other route declares `security: bearerAuth` (or
 * bearer-or-guest) in its OpenAPI definition.
 */
const PUBLIC_ROUTES = new Set([
  // Ops: liveness, readiness, the API's documentation.
  "GET /health",
  "GET /ready",
  "GET /openapi.json",
  "GET /docs",
  // Identity: signing up and in, refreshing, resetting a password; the keys that verify tokens.
  "POST /api/v1/auth/otp/request",
  "POST /api/v1/auth/otp/verify",
  "POST /api/v1/auth/register",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/refresh",
  "POST /api/v1/auth/forgot-password",
  "POST /api/v1/auth/reset-password",
  "GET /.well-known/jwks.json",
  // Providers' webhooks, verified by their signatures instead of a token.
  "POST /api/v1/notifications/webhooks/twilio",
  "POST /api/v1/notifications/webhooks/resend",
  "POST /api/v1/payments/webhook/{gateway}",
  "POST /api/v1/disbursements/webhook/{provider}",
  "POST /api/v1/shipping/webhook/{courier}",
  // Flash sales: the live ones, a shop's, one by id (the public catalog's prices).
  "GET /api/v1/flash-sales/live",
  "GET /api/v1/shops/{id}/flash-sales",
  "GET /api/v1/flash-sales/{id}",
  // Logistics: which couriers serve a country.
  "GET /api/v1/couriers",
  // The public catalog: categories, shops, products, stock, reviews, media, search, recommendations.
  "GET /api/v1/categories",
  "GET /api/v1/shops/{id}",
  "GET /api/v1/shops/{id}/products",
  "GET /api/v1/products",
  "GET /api/v1/products/{id}",
  "GET /api/v1/inventory/{productId}",
  "GET /api/v1/products/{id}/reviews",
  "GET /api/v1/media/{id}",
  "GET /api/v1/search",
  "GET /api/v1/search/autocomplete",
  "GET /api/v1/recommendations/trending",
  "GET /api/v1/products/{id}/similar",
  "GET /api/v1/products/{id}/bought-together",
  // A product view (anonymous ones count too, for trending).
  "POST /api/v1/products/{id}/views",
  // Development helpers: only mounted with DEV_OUTBOX on, never in production.
  "GET /api/v1/dev/outbox",
  "POST /api/v1/dev/seed",
  "PUT /api/v1/dev/bench/stock",
  "POST /api/v1/dev/bench/reserve",
  "POST /api/v1/dev/bench/notifications",
  "POST /api/v1/dev/bench/wallet-credit",
]);

/**
 * Authenticated routes on someone else's resource that any signed-in user may call: they are not
 * owner-scoped, so B succeeding is right.
 */
const SHARED_ROUTES = new Set([
  // Any signed-in user may report a review.
  "POST /api/v1/reviews/{id}/report",
  // Any signed-in buyer may open a support chat with any shop.
  "POST /api/v1/shops/{id}/chat",
  // A wallet's history in a currency: each caller reads their own (the currency is not A's resource).
  "GET /api/v1/wallets/{currency}/transactions",
]);

interface Operation {
  security?: Record<string, string[]>[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, unknown>;
}

interface SweptRoute {
  /** "METHOD /path/{param}", as the OpenAPI document writes it. */
  key: string;
  method: string;
  path: string;
  operation?: Operation;
  /** Declares bearer authentication. */
  authenticated: boolean;
  /** Also open to guests (X-Cart-Token, or nothing): no 401 without a token. */
  guests: boolean;
  params: string[];
}

const app = createApp();
const document = app.getOpenAPI31Document({ openapi: "3.1.0", info: { title: "sweep", version: "1" } }) as unknown as {
  paths: Record<string, Record<string, Operation>>;
};

const routes: SweptRoute[] = [
  ...new Set(
    app.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}`),
  ),
].map((key) => {
  const [method, path] = key.split(" ");
  const operation = document.paths[path]?.[method.toLowerCase()];
  const security = operation?.security ?? [];
  return {
    key,
    method,
    path,
    operation,
    authenticated: security.some((s) => "bearerAuth" in s),
    guests: security.some((s) => Object.keys(s).length === 0),
    params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  };
});

const authenticated = routes.filter((r) => r.authenticated);
const tokenOnly = authenticated.filter((r) => !r.guests);
const operatorRoutes = authenticated.filter((r) => r.path.startsWith("/api/v1/admin/"));
const ownerScoped = authenticated.filter(
  (r) => r.params.length > 0 && !operatorRoutes.includes(r) && !SHARED_ROUTES.has(r.key),
);
const guestScoped = ownerScoped.filter((r) => r.guests);

let who: People;
let owned: OwnedResources;
/** What A sees of A's resources before the sweep, by path. */
const before = new Map<string, unknown>();

/** A's resources, as A reads them. */
const ownersPaths = (r: OwnedResources) => [
  "/api/v1/users/me",
  "/api/v1/users/me/addresses",
  `/api/v1/shops/${r.shop}`,
  `/api/v1/products/${r.product}`,
  `/api/v1/products/${r.product}/reviews`,
  `/api/v1/orders/${r.order}`,
  `/api/v1/orders/${r.order}/timeline`,
  `/api/v1/payments/${r.payment}`,
  "/api/v1/cart",
  `/api/v1/dialogs/${r.dialog}`,
  `/api/v1/dialogs/${r.dialog}/messages`,
  `/api/v1/notifications/${r.notification}`,
  "/api/v1/notifications/devices",
  "/api/v1/wallets",
  `/api/v1/wallet/transactions/${r.walletTransaction}`,
];

const ownersView = async (path: string) => expectJson<unknown>(await call("GET", path, who.owner), 200);

beforeAll(async () => {
  who = await people();
  owned = await ownedResources(who);
  for (const path of ownersPaths(owned)) before.set(path, await ownersView(path));
}, 120_000);

/** The route's path with each parameter filled by A's resource; fails for a parameter nothing fills. */
function fill(route: SweptRoute): string {
  return route.path.replace(/\/([^/]+)\/\{(\w+)\}/g, (_all, segment: string, param: string) => {
    const resource = RESOURCE_BY_SEGMENT[segment];
    expect(
      resource,
      `${route.key}: nothing fills {${param}} after /${segment}/; add a resource of A's to route-security.fixture.ts`,
    ).toBeDefined();
    return `/${segment}/${encodeURIComponent(owned[resource])}`;
  });
}

/** WebSocket routes (101 Switching Protocols) look at the upgrade before anything else. */
const isSocket = (route: SweptRoute) => Boolean(route.operation?.responses?.["101"]);

function send(route: SweptRoute, caller: Person | undefined, input: Input = {}): Promise<Response> {
  const jsonBody = Boolean(route.operation?.requestBody?.content?.["application/json"]);
  return call(route.method, `${fill(route)}${input.query ? `?${input.query}` : ""}`, {
    token: caller?.token,
    body: input.body ?? (jsonBody ? {} : undefined),
    headers: isSocket(route) ? { Upgrade: "websocket", Connection: "Upgrade" } : undefined,
  });
}

/** Calls the route as `caller`; again with its sample input when an empty request is refused as invalid. */
async function attempt(route: SweptRoute, caller: Person | undefined): Promise<Response> {
  const first = await send(route, caller);
  if (![400, 415, 422].includes(first.status)) return first;
  const sample = SAMPLE_INPUT[route.key];
  expect(
    sample,
    `${route.key} checks its input (${first.status}: ${await first.text()}) before the caller; add a valid request to SAMPLE_INPUT`,
  ).toBeDefined();
  return send(route, caller, sample(owned));
}

/** One of `statuses`, as a problem+json (403s may carry a domain's own code, e.g. not_a_buyer). */
async function expectRefused(res: Response, statuses: number[], route: SweptRoute): Promise<void> {
  const text = await res.text();
  expect(statuses, `${route.key} answered ${res.status}: ${text}`).toContain(res.status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
  const problem = JSON.parse(text) as { status: number; code: string };
  expect(problem.status).toBe(res.status);
  expect(problem.code).toBeTruthy();
}

describe("every registered route is accounted for", () => {
  it("is authenticated, or public on purpose (PUBLIC_ROUTES)", () => {
    expect(routes.length).toBeGreaterThan(100);
    expect(routes.filter((r) => !r.authenticated && !PUBLIC_ROUTES.has(r.key)).map((r) => r.key)).toEqual([]);
  });

  it("PUBLIC_ROUTES and SHARED_ROUTES name registered routes, public and authenticated respectively", () => {
    const byKey = new Map(routes.map((r) => [r.key, r]));
    expect([...PUBLIC_ROUTES].filter((key) => !byKey.has(key) || byKey.get(key)?.authenticated)).toEqual([]);
    expect([...SHARED_ROUTES].filter((key) => !byKey.get(key)?.authenticated)).toEqual([]);
    expect(Object.keys(SAMPLE_INPUT).filter((key) => !byKey.get(key)?.authenticated)).toEqual([]);
  });
});

describe("without a token: 401 problem+json with WWW-Authenticate: Bearer", () => {
  it.each(tokenOnly.map((r) => [r.key, r] as const))("%s", async (_key, route) => {
    const res = await send(route, undefined);
    await expectProblem(res, 401, "unauthorized");
    expect(res.headers.get("WWW-Authenticate")).toBe("Bearer");
  });
});

describe("a signed-in customer on an operator route: 403", () => {
  it.each(operatorRoutes.map((r) => [r.key, r] as const))("%s", async (_key, route) => {
    await expectProblem(await send(route, who.stranger), 403, "forbidden");
  });
});

describe("another signed-in user on A's resources: 403 or 404", () => {
  it.each(ownerScoped.map((r) => [r.key, r] as const))("%s", async (_key, route) => {
    await expectRefused(await attempt(route, who.stranger), [403, 404], route);
  });
});

describe("no credentials at all on a route guests may call, with A's resources: 401, 403 or 404", () => {
  it.each(guestScoped.map((r) => [r.key, r] as const))("%s", async (_key, route) => {
    await expectRefused(await attempt(route, undefined), [401, 403, 404], route);
  });
});

describe("after the sweep", () => {
  it("A's resources are as they were, and A's session still works", async () => {
    for (const [path, view] of before) expect(await ownersView(path), path).toEqual(view);
  });
});
