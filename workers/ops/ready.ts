import type { z } from "@hono/zod-openapi";
import { type ReadinessCheckSchema, ReadinessSchema } from "../../schemas/ops";
import { loadConfig } from "../platform/config";
import { createRouter, defineRoute } from "../platform/openapi";

type Check = z.infer<typeof ReadinessCheckSchema>;

const CHECK_TIMEOUT_MS = 2_000;

async function timed(probe: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS),
      ),
    ]);
    return { status: "ok", latencyMs: Date.now() - started };
  } catch (err) {
    return {
      status: "failed",
      latencyMs: Date.now() - started,
      error: err instanceof Error ? err.message : String(err),
    };
  }
}

export const readyRoute = defineRoute({
  method: "get",
  path: "/ready",
  tags: ["Ops"],
  summary: "Readiness: the configuration is valid, D1 and R2 really answer",
  responses: {
    200: { description: "Every dependency answered", content: { "application/json": { schema: ReadinessSchema } } },
    503: {
      description: "A dependency failed; see checks",
      content: { "application/json": { schema: ReadinessSchema } },
    },
  },
});

export const readyRouter = createRouter().openapi(readyRoute, async (c) => {
  const [d1, r2] = await Promise.all([
    timed(async () => {
      const row = await c.env.DB.prepare("SELECT 1 AS ok").first<{ ok: number }>();
      if (row?.ok !== 1) throw new Error("unexpected answer to SELECT 1");
    }),
    timed(() => c.env.MEDIA.head("__readiness_probe")),
  ]);
  // A variable out of range is reported by name and allowed range (checked once per isolate).
  const configError = loadConfig(c.env).error;
  const config: Check = configError
    ? { status: "failed", latencyMs: 0, error: configError.message }
    : { status: "ok", latencyMs: 0 };
  const checks = { config, d1, r2 };
  const ready = Object.values(checks).every((check) => check.status === "ok");
  return ready
    ? c.json({ status: "ready" as const, checks }, 200)
    : c.json({ status: "not_ready" as const, checks }, 503);
});
