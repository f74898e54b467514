import type { SyntheticCheckNames } from "../../schemas/synthetics";

export type CheckName = (typeof SyntheticCheckNames)[number];

export interface CheckOutcome {
  check: CheckName;
  status: "pass" | "fail" | "skipped";
  durationMs: number;
  httpStatus: number;
  detail: string | null;
}

/** The Worker's own fetch handler: a synthetic request goes through the whole app, never the network. */
export type SelfFetch = (request: Request) => Promise<Response>;

export interface FlowContext {
  call: (
    method: string,
    path: string,
    init?: { body?: unknown; token?: string; headers?: HeadersInit },
  ) => Promise<Response>;
  /** Where DEV_OUTBOX is on (never production): the OTP sign-in and what needs a session run. */
  devOutbox: boolean;
  phone: string;
  /** Whether the OTP check is due (it runs less often: OTP requests per phone are limited per hour). */
  otpDue: boolean;
}

interface Shared {
  productId?: string;
  variantId?: string;
  shopId?: string;
  token?: string;
}

type Step = (ctx: FlowContext, shared: Shared) => Promise<{ res?: Response; skip?: string; fail?: string }>;

const expectStatus = (res: Response, ...ok: number[]) =>
  ok.includes(res.status) ? {} : { fail: `answered ${res.status}, expected ${ok.join(" or ")}` };

/** The flows, in order: later ones reuse what earlier ones found (a product, a session). */
const FLOWS: [CheckName, Step][] = [
  ["health", async (ctx) => withRes(await ctx.call("GET", "/health"), 200)],
  ["ready", async (ctx) => withRes(await ctx.call("GET", "/ready"), 200)],
  [
    "catalog_read",
    async (ctx, shared) => {
      const res = await ctx.call("GET", "/api/v1/products?limit=1");
      if (res.status !== 200) return { res, ...expectStatus(res, 200) };
      const page = (await res.json()) as { items?: { id: string; shopId: string; variants?: { id: string }[] }[] };
      const first = page.items?.[0];
      shared.productId = first?.id;
      shared.variantId = first?.variants?.[0]?.id;
      shared.shopId = first?.shopId;
      return { res };
    },
  ],
  ["search", async (ctx) => withRes(await ctx.call("GET", "/api/v1/search?q=a&limit=1"), 200)],
  [
    "otp_signin",
    async (ctx, shared) => {
      if (!ctx.devOutbox) return { skip: "runs only where DEV_OUTBOX is on (never in production)" };
      if (!ctx.otpDue) return { skip: "not due: OTP requests per phone are limited per hour" };
      const req = await ctx.call("POST", "/api/v1/auth/otp/request", { body: { phone: ctx.phone, country: "TH" } });
      if (req.status !== 202) return { res: req, ...expectStatus(req, 202) };
      const outbox = await ctx.call("GET", `/api/v1/dev/outbox?to=${encodeURIComponent(ctx.phone)}&channel=sms`);
      const sms = ((await outbox.json()) as { items?: { body: string }[] }).items?.[0]?.body ?? "";
      const code = /\b(\d{6})\b/.exec(sms)?.[1];
      if (!code) return { res: outbox, fail: "no code in the SMS outbox" };
      const device = { id: "synthetic-check", platform: "web", name: "Synthetic check" };
      const res = await ctx.call("POST", "/api/v1/auth/otp/verify", {
        body: { phone: ctx.phone, country: "TH", code, device },
      });
      if (res.status === 200) shared.token = ((await res.json()) as { accessToken: string }).accessToken;
      return { res, ...expectStatus(res, 200) };
    },
  ],
  [
    "cart_add",
    async (ctx, shared) => {
      if (!shared.productId) return { skip: "no product in the catalog to add" };
      const res = await ctx.call("POST", "/api/v1/cart/items", {
        body: {
          productId: shared.productId,
          ...(shared.variantId ? { variantId: shared.variantId } : {}),
          quantity: 1,
        },
      });
      if (res.status !== 200) return { res, ...expectStatus(res, 200) };
      // Leave nothing behind: the guest cart's line is removed again (the cart itself expires).
      const cart = (await res.json()) as { items?: { id: string }[] };
      const cartToken = res.headers.get("X-Cart-Token");
      const line = cart.items?.[0]?.id;
      if (line && cartToken) {
        await ctx.call("DELETE", `/api/v1/cart/items/${line}`, { headers: { "X-Cart-Token": cartToken } });
      }
      return { res };
    },
  ],
  [
    "chat_ping",
    async (ctx, shared) => {
      if (!shared.token) return { skip: "needs the synthetic session of otp_signin" };
      if (!shared.shopId) return { skip: "no shop in the catalog to chat with" };
      const open = await ctx.call("POST", `/api/v1/shops/${shared.shopId}/chat`, { token: shared.token });
      if (open.status !== 200 && open.status !== 201) return { res: open, ...expectStatus(open, 200, 201) };
      const { dialogId } = (await open.json()) as { dialogId: string };
      const res = await ctx.call("GET", `/api/v1/dialogs/${dialogId}/messages?limit=1`, { token: shared.token });
      return { res, ...expectStatus(res, 200) };
    },
  ],
];

function withRes(res: Response, ...ok: number[]) {
  return { res, ...expectStatus(res, ...ok) };
}

/** Runs every flow once; a flow that throws is a failure with its message, never an aborted run. */
export async function runFlows(ctx: FlowContext, clock: () => number): Promise<CheckOutcome[]> {
  const shared: Shared = {};
  const outcomes: CheckOutcome[] = [];
  for (const [check, step] of FLOWS) {
    const started = clock();
    let result: Awaited<ReturnType<Step>>;
    try {
      result = await step(ctx, shared);
    } catch (err) {
      result = { fail: err instanceof Error ? err.message : String(err) };
    }
    if (result.res && !result.res.bodyUsed) await result.res.body?.cancel();
    // An operator's note (English, like the logs), not a problem detail shown to users.
    const detail = result.skip ?? result.fail ?? null;
    outcomes.push({
      check,
      status: result.skip ? "skipped" : result.fail ? "fail" : "pass",
      durationMs: Math.max(0, Math.round(clock() - started)),
      httpStatus: result.res?.status ?? 0,
      detail,
    });
  }
  return outcomes;
}
