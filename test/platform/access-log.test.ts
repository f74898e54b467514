import { createExecutionContext, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { accessLog } from "../../workers/middleware/access-log";
import { requestId } from "../../workers/middleware/request-id";
import { createRouter } from "../../workers/platform/openapi";

const app = createRouter();
app.use("*", requestId, accessLog);
app.get("/api/v1/things/:id", (c) => c.json({ id: c.req.param("id") }));

/** One request with ACCESS_LOG set as given; returns the request lines logged and the data points written. */
async function requestWith(accessLogVar: string | undefined) {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(String(line)));
  const points: AnalyticsEngineDataPoint[] = [];
  const vars = { ...env, ANALYTICS: { writeDataPoint: (p: AnalyticsEngineDataPoint) => void points.push(p) } };
  if (accessLogVar === undefined) delete (vars as Partial<Env>).ACCESS_LOG;
  else vars.ACCESS_LOG = accessLogVar;
  const res = await app.fetch(new Request("http://tchat.test/api/v1/things/t1"), vars, createExecutionContext());
  spy.mockRestore();
  expect(res.status).toBe(200);
  return { requestLines: lines.filter((l) => l.includes('"msg":"request"')), points };
}

afterEach(() => vi.restoreAllMocks());

describe("the access log", () => {
  it("is on by default (production; .dev.vars.example turns it off locally) and writes one JSON line per request", async () => {
    for (const setting of [undefined, "true"]) {
      const { requestLines, points } = await requestWith(setting);
      expect(requestLines).toHaveLength(1);
      expect(JSON.parse(requestLines[0])).toMatchObject({
        level: "info",
        msg: "request",
        method: "GET",
        path: "/api/v1/things/t1",
        route: "/api/v1/things/:id",
        status: 200,
      });
      expect(points).toHaveLength(1);
    }
  });

  it('is silent with ACCESS_LOG="false", as in the tests; the analytics data point is still written', async () => {
    const { requestLines, points } = await requestWith("false");
    expect(requestLines).toEqual([]);
    expect(points).toHaveLength(1);
    // The metrics layout (workers/platform/metrics.ts): the kind, then method, route, status, country, colo.
    expect(points[0].blobs).toEqual(["request", "GET", "/api/v1/things/:id", "200", "", ""]);
  });
});
