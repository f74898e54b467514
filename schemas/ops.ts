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

export const DeadLetterSchema = z
  .object({
    id: z.string().openapi({ description: "The event's id (or the message's, when it was not an event)" }),
    queue: z.string().openapi({ example: "tchat-notifications-dlq" }),
    eventType: z.string().nullable().openapi({ example: "order.paid" }),
    attempts: z.number().int(),
    error: z.string().nullable().openapi({
      description: "Why it was given up, when known",
      example: "not applied by notifications.compose after 5 deliveries",
    }),
    createdAt: z.string().openapi({ description: "When it was dead-lettered", example: "2026-12-01T08:30:00.000Z" }),
    body: z.string().openapi({ description: "The message as received (an event envelope as JSON)" }),
    replayable: z.boolean().openapi({ description: "Whether the outbox still holds the event, so it can be replayed" }),
  })
  .openapi("DeadLetter");

export const DeadLetterReplaySchema = z
  .object({ id: z.string(), replayed: z.literal(true) })
  .openapi("DeadLetterReplay");
