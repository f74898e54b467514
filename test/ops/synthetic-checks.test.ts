import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../workers/platform/config";
import { latestSyntheticResults, runSyntheticChecks } from "../../workers/synthetics";
import { grantAdmin, register } from "../support/accounts";
import { expectJson, expectProblem, get, post } from "../support/http";

/** The Worker's own fetch handler, as workers/index.ts hands it to the cron. */
const selfFetch = async (request: Request) => exports.default.fetch(request);

/** A phone of its own per run: OTP requests per phone are limited per hour. */
const syntheticPhone = () => `+6681${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

interface Latest {
  items: {
    check: string;
    status: string;
    httpStatus: number;
    detail: string | null;
    checkedAt: string;
    runId: string;
  }[];
}

describe("synthetic checks", () => {
  beforeAll(async () => {
    // Demo products and shops, so the cart and chat flows have something to use (runs once per database).
    await expectJson(await post("/api/v1/dev/seed", {}), 200);
  }, 120_000);

  it("run the main flows through the Worker and keep the latest result per check", async () => {
    const base = readConfig(env);
    const config = { ...base, backup: { ...base.backup, syntheticPhone: syntheticPhone() } };
    const run = await runSyntheticChecks(env, config, selfFetch);
    if (!run) throw new Error("the first run was not due");
    const byCheck = Object.fromEntries(run.results.map((r) => [r.check, r]));
    expect(Object.keys(byCheck).sort()).toEqual(
      ["cart_add", "catalog_read", "chat_ping", "health", "otp_signin", "ready", "search"].sort(),
    );
    for (const check of Object.values(byCheck)) {
      expect({ check: check.check, status: check.status, detail: check.detail }).toEqual({
        check: check.check,
        status: "pass",
        detail: null,
      });
    }
    expect(byCheck.health.httpStatus).toBe(200);

    // Not due again before SYNTHETIC_CHECK_INTERVAL_MINUTES.
    expect(await runSyntheticChecks(env, config, selfFetch)).toBeUndefined();

    const latest = await latestSyntheticResults(env);
    expect(latest.filter((r) => r.runId === run.runId)).toHaveLength(7);

    const admin = await register();
    await grantAdmin(admin.user.id);
    const body = await expectJson<Latest>(await get("/api/v1/admin/synthetic-checks", admin.accessToken), 200);
    expect(body.items.map((i) => i.check).sort()).toEqual(Object.keys(byCheck).sort());
    expect(body.items.every((i) => i.runId === run.runId && i.status === "pass")).toBe(true);
  });

  it("a failing flow is recorded as a failure with what it answered", async () => {
    const base = readConfig(env);
    // Past the interval of the run above; a Worker whose search is down.
    const config = { ...base, backup: { ...base.backup, syntheticIntervalMs: 1, syntheticPhone: syntheticPhone() } };
    const broken = async (request: Request) =>
      new URL(request.url).pathname === "/api/v1/search" ? new Response("down", { status: 503 }) : selfFetch(request);
    const run = await runSyntheticChecks(env, config, broken);
    const search = run?.results.find((r) => r.check === "search");
    expect(search).toMatchObject({ status: "fail", httpStatus: 503 });
    expect(search?.detail).toMatch(/503/);
    // Sign-in is not due again so soon, so the flows that need its session are skipped, not failed.
    expect(run?.results.find((r) => r.check === "otp_signin")?.status).toBe("skipped");
    expect((await latestSyntheticResults(env)).find((r) => r.check === "search")?.status).toBe("fail");
  });

  it("is for admins only", async () => {
    await expectProblem(await get("/api/v1/admin/synthetic-checks"), 401, "unauthorized");
    const user = await register();
    await expectProblem(await get("/api/v1/admin/synthetic-checks", user.accessToken), 403, "forbidden");
  });
});
