import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const api = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`http://tchat.test${path}`, init));

describe("ops endpoints", () => {
  it("GET /health answers ok with a request id", async () => {
    const res = await api("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("X-Request-ID")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("GET /ready checks D1 and R2 for real", async () => {
    const res = await api("/ready");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; checks: Record<string, { status: string }> };
    expect(body.status).toBe("ready");
    expect(body.checks.d1.status).toBe("ok");
    expect(body.checks.r2.status).toBe("ok");
  });
});
