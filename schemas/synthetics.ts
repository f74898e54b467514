import { z } from "@hono/zod-openapi";

export const SyntheticCheckNames = [
  "health",
  "ready",
  "catalog_read",
  "search",
  "otp_signin",
  "cart_add",
  "chat_ping",
] as const;

export const SyntheticCheckResultSchema = z
  .object({
    check: z.enum(SyntheticCheckNames).openapi({ example: "catalog_read" }),
    status: z.enum(["pass", "fail", "skipped"]),
    durationMs: z.number().int(),
    httpStatus: z.number().int().openapi({ description: "The status of the step that decided the outcome (0: none)" }),
    detail: z.string().nullable().openapi({ description: "Why it failed or was skipped", example: null }),
    checkedAt: z.string().openapi({ example: "2026-12-06T05:40:00.000Z" }),
    runId: z.string(),
  })
  .openapi("SyntheticCheckResult");

export const SyntheticChecksSchema = z
  .object({
    items: z
      .array(SyntheticCheckResultSchema)
      .openapi({ description: "The latest result of each check that ever ran" }),
  })
  .openapi("SyntheticChecks");
