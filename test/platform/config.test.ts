import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../workers/index";
import { ConfigError, loadConfig, readConfig } from "../../workers/platform/config";
import { expectProblem } from "../support/http";

/** The example: a socket limit above its maximum (CHAT_MAX_SOCKETS_PER_USER allows 1 to 100). */
function misconfiguredEnv(): Env {
  return { ...env, CHAT_MAX_SOCKETS_PER_USER: "500" } as Env;
}

async function fetchWith(badEnv: Env, path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`http://tchat.test${path}`, init), badEnv, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("configuration out of range", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is reported once per env object, naming the variable and its allowed range", () => {
    const badEnv = misconfiguredEnv();
    const error = (() => {
      try {
        readConfig(badEnv);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(
      'CHAT_MAX_SOCKETS_PER_USER is "500" but must be an integer from 1 to 100',
    );
    expect((error as ConfigError).problems).toEqual([
      expect.objectContaining({
        variable: "CHAT_MAX_SOCKETS_PER_USER",
        value: "500",
        allowed: "an integer from 1 to 100",
      }),
    ]);
    // Checked once: the same error object again, not a second parse.
    expect(() => readConfig(badEnv)).toThrow(error as Error);
    expect(loadConfig(badEnv).error).toBe(error);
    // The stand-in config keeps the default for the bad variable, so ops routes can still run.
    expect(loadConfig(badEnv).config.chat.maxSocketsPerUser).toBe(5);
  });

  it("names every bad variable, with the reason a maximum exists", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const badEnv = { ...env, OTP_TTL_SECONDS: "900", SMS_PROVIDER: "carrier-pigeon" } as Env;
    const { error } = loadConfig(badEnv);
    expect(error?.problems.map((p) => p.variable).sort()).toEqual(["OTP_TTL_SECONDS", "SMS_PROVIDER"]);
    expect(error?.message).toContain("an integer from 30 to 600 (OTP codes live at most 10 minutes)");
    expect(error?.message).toContain('one of "twilio", ""');
  });

  it("keeps /health at 200, /ready at 503 naming the variable, and every other route at 503 problem+json", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const badEnv = misconfiguredEnv();

    const health = await fetchWith(badEnv, "/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    const ready = await fetchWith(badEnv, "/ready");
    expect(ready.status).toBe(503);
    const readiness = (await ready.json()) as {
      status: string;
      checks: Record<string, { status: string; error?: string }>;
    };
    expect(readiness.status).toBe("not_ready");
    expect(readiness.checks.config.status).toBe("failed");
    expect(readiness.checks.config.error).toContain("CHAT_MAX_SOCKETS_PER_USER");
    expect(readiness.checks.config.error).toContain("an integer from 1 to 100");
    expect(readiness.checks.d1.status).toBe("ok");

    for (const [method, path] of [
      ["GET", "/api/v1/categories"],
      ["GET", "/api/v1/users/me"],
      ["POST", "/api/v1/auth/otp/request"],
      ["GET", "/openapi.json"],
    ]) {
      const res = await fetchWith(badEnv, path, {
        method,
        headers: { "Content-Type": "application/json" },
        ...(method === "POST" ? { body: JSON.stringify({ phone: "0812345678", country: "TH" }) } : {}),
      });
      const problem = await expectProblem(res, 503, "service_unavailable");
      expect(problem.detail).toContain("CHAT_MAX_SOCKETS_PER_USER");
      expect(problem.detail).toContain("an integer from 1 to 100");
    }
    // Operators see it in the log once per isolate, not once per request.
    const reports = logged.mock.calls.filter(([line]) => String(line).includes('"msg":"config_invalid"'));
    expect(reports).toHaveLength(1);
    expect(String(reports[0][0])).toContain("CHAT_MAX_SOCKETS_PER_USER");
  });

  it("leaves a valid configuration ready, with a config check", async () => {
    const res = await fetchWith(env, "/ready");
    expect(res.status).toBe(200);
    const readiness = (await res.json()) as { checks: Record<string, { status: string }> };
    expect(readiness.checks.config.status).toBe("ok");
  });
});
