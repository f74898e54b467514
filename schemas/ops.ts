import { z } from "@hono/zod-openapi";

export const HealthSchema = z.object({ status: z.literal("ok") }).openapi("Health");

export const ReadinessCheckSchema = z
  .object({
    status: z.enum(["ok", "failed"]),
    latencyMs: z.number(),
    error: z.string().optional(),
  })
  .openapi("ReadinessCheck");

export const ReadinessSchema = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.record(z.string(), ReadinessCheckSchema),
  })
  .openapi("Readiness");
