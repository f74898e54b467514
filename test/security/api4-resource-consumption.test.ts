import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../workers/index";
import { readConfig } from "../../workers/platform/config";
import { bytes, PNG_HEADER } from "../catalog/helpers";
import { newDevice, thaiMobile, uniqueIp } from "../identity/helpers";
import { type OwnedResources, ownedResources, type People, people } from "../platform/route-security.fixture";
import { BASE, call, expectJson, expectProblem, type Problem } from "../support/http";
import {
  fillPath,
  isOperatorOperation,
  type OpenApiDocument,
  operationsOf,
  publishedDocument,
  resolve,
} from "./support/openapi";

// OWASP API4:2023, Unrestricted Resource Consumption: request bodies, uploads, page sizes and
// message sizes are capped (generated from /openapi.json where the document says the caps), and
// the endpoints that already have rate limits (OTP, login, OTP attempts, chat sends, socket
// tickets) answer 429 with Retry-After. Per-account and per-IP limits on checkout, payments,
// reviews, uploads, dialog and shop/product creation are being added separately; their 429s
// belong here once they exist.

const config = readConfig(env);
let doc: OpenApiDocument;
let who: People;
let owned: OwnedResources;

beforeAll(async () => {
  doc = await publishedDocument();
  who = await people();
  owned = await ownedResources(who);
}, 120_000);

/** The real Worker with some variables changed (small caps make oversized bodies cheap to send). */
async function withVars(vars: Record<string, string>, request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, { ...env, ...vars } as Env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

/** Each path parameter filled with one of A's resources (by the segment before it), else "x". */
function filled(path: string): string {
  const bySegment: Record<string, string> = {
    products: owned.product,
    shops: owned.shop,
    dialogs: owned.dialog,
    orders: owned.order,
  };
  return path.replace(/\/([\w-]+)\/\{(\w+)\}/g, (_all, seg: string) => `/${seg}/${bySegment[seg] ?? "x"}`);
}

describe("API4: body and upload sizes", () => {
  it("every JSON operation of /openapi.json refuses a body over MAX_BODY_BYTES with 413 (cap lowered to 2 KiB here)", async () => {
    const cap = 2048;
    const body = JSON.stringify({ padding: "x".repeat(cap) });
    const wrong: string[] = [];
    for (const op of operationsOf(doc).filter((o) => o.jsonBody)) {
      const res = await withVars(
        { MAX_BODY_BYTES: String(cap) },
        new Request(`${BASE}${fillPath(op.path, {})}`, {
          method: op.method,
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${who.operator.token}` },
          body,
        }),
      );
      const problem = (await res.json()) as Problem;
      if (res.status !== 413 || problem.code !== "payload_too_large") wrong.push(`${op.key}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("at the real cap: a JSON body one byte over MAX_BODY_BYTES is 413", async () => {
    const body = JSON.stringify({ shippingAddress: "x".repeat(config.limits.maxBodyBytes) });
    const res = await call("POST", "/api/v1/orders", {
      token: who.stranger.token,
      idempotencyKey: crypto.randomUUID(),
      raw: body,
      headers: { "Content-Type": "application/json" },
    });
    await expectProblem(res, 413, "payload_too_large");
  });

  it("uploads: a picture over MAX_IMAGE_BYTES and a file over MAX_MEDIA_BYTES are 413, the real image cap included", async () => {
    const caps = { MAX_IMAGE_BYTES: "4096", MAX_MEDIA_BYTES: "8192" };
    const upload = (path: string, type: string, size: number) =>
      withVars(
        caps,
        new Request(`${BASE}${path}`, {
          method: "POST",
          headers: { "Content-Type": type, Authorization: `Bearer ${who.owner.token}` },
          body: bytes(PNG_HEADER, size),
        }),
      );
    await expectProblem(await upload("/api/v1/media", "image/png", 4097), 413, "payload_too_large");
    await expectProblem(await upload("/api/v1/media", "application/pdf", 8193), 413, "payload_too_large");
    await expectProblem(
      await upload(`/api/v1/products/${owned.product}/media`, "image/png", 4097),
      413,
      "payload_too_large",
    );
    const real = await call("POST", "/api/v1/media", {
      token: who.owner.token,
      raw: bytes(PNG_HEADER, config.limits.maxImageBytes + 1),
      headers: { "Content-Type": "image/png" },
    });
    await expectProblem(real, 413, "payload_too_large");
  });

  it("a chat message longer than CHAT_MAX_TEXT_LENGTH is 413", async () => {
    const res = await call("POST", `/api/v1/dialogs/${owned.dialog}/messages`, {
      token: who.owner.token,
      body: { clientId: crypto.randomUUID(), kind: "text", text: "ก".repeat(config.chat.maxTextLength + 1) },
    });
    await expectProblem(res, 413, "payload_too_large");
  });
});

describe("API4: page sizes", () => {
  it("every operation with a `limit` refuses one above its documented maximum (and a huge one) with 422, and takes the maximum", async () => {
    const paged = operationsOf(doc).flatMap((op) => {
      const limit = op.parameters.find((p) => p.in === "query" && p.name === "limit");
      const maximum = limit ? resolve(doc, limit.schema).maximum : undefined;
      return limit ? [{ op, maximum }] : [];
    });
    expect(paged.length).toBeGreaterThan(15);
    for (const { op, maximum } of paged) {
      expect(maximum, `${op.key} documents no maximum page size`).toBeDefined();
      const token = isOperatorOperation(op) ? who.operator.token : who.owner.token;
      const extra = op.parameters.some((p) => p.name === "q" && p.required) ? "&q=sweep" : "";
      for (const limit of [maximum! + 1, 1_000_000_000]) {
        const res = await call("GET", `${filled(op.path)}?limit=${limit}${extra}`, { token });
        const problem = await expectProblem(res, 422, "validation_failed");
        expect(problem.errors?.map((e) => e.path)).toContain("limit");
      }
      const atMax = await call("GET", `${filled(op.path)}?limit=${maximum}${extra}`, { token });
      const text = await atMax.text();
      expect(text, `${op.key} refuses limit=${maximum}`).not.toMatch(/"path":"limit"/);
      expect(atMax.status, `${op.key}: ${text}`).toBeLessThan(500);
    }
  });
});

describe("API4: rate limits that exist today (429 rate_limited + Retry-After)", () => {
  const expectLimited = async (res: Response, code = "rate_limited") => {
    await expectProblem(res, 429, code);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
  };

  it("OTP: a second code for the same number within OTP_RESEND_SECONDS", async () => {
    const phone = thaiMobile();
    const ask = () => call("POST", "/api/v1/auth/otp/request", { ip: uniqueIp(), body: { phone, country: "TH" } });
    expect((await ask()).status).toBe(202);
    await expectLimited(await ask());
  });

  it("OTP: wrong codes lock the code after OTP_MAX_ATTEMPTS (429 otp_locked)", async () => {
    const phone = thaiMobile();
    const ip = uniqueIp();
    expect((await call("POST", "/api/v1/auth/otp/request", { ip, body: { phone, country: "TH" } })).status).toBe(202);
    const verify = (code: string) =>
      call("POST", "/api/v1/auth/otp/verify", { ip, body: { phone, country: "TH", code, device: newDevice() } });
    const answers: number[] = [];
    for (let i = 0; i < config.identity.otpMaxAttempts; i++) answers.push((await verify("000000")).status);
    expect(answers.slice(0, -1).every((s) => s === 401)).toBe(true);
    await expectLimited(await verify("000000"), "otp_locked");
  });

  it("login: after LOGIN_MAX_FAILURES wrong passwords, even the right one is 429", async () => {
    const email = `api4-login-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const password = "Sawasdee2026";
    const ip = uniqueIp();
    await expectJson(
      await call("POST", "/api/v1/auth/register", {
        ip,
        body: { email, password, displayName: "Lock", country: "TH" },
      }),
      201,
    );
    const login = (pw: string) => call("POST", "/api/v1/auth/login", { ip, body: { email, password: pw } });
    for (let i = 0; i < config.identity.loginMaxFailures; i++) expect((await login("Wrong-Pass-1")).status).toBe(401);
    await expectLimited(await login(password));
  });

  it("chat: more than CHAT_SEND_LIMIT messages per window in one dialog", async () => {
    const send = () =>
      call("POST", `/api/v1/dialogs/${owned.dialog}/messages`, {
        token: who.member.token,
        body: { clientId: crypto.randomUUID(), kind: "text", text: "flood" },
      });
    const statuses: number[] = [];
    for (let i = 0; i < config.chat.sendLimit; i++) statuses.push((await send()).status);
    expect(statuses.every((s) => s === 201)).toBe(true);
    await expectLimited(await send());
  });

  it("socket tickets: more than REALTIME_TICKETS_PER_MINUTE per user", async () => {
    const take = () => call("POST", "/api/v1/realtime/tickets", { token: who.stranger.token });
    for (let i = 0; i < config.chat.ticketsPerMinute; i++) expect((await take()).status).toBe(201);
    await expectLimited(await take());
  });
});
