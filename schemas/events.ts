import { z } from "@hono/zod-openapi";

/** The one event envelope: every event on every queue, whatever its type, is wrapped in this. */
export const EventEnvelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
  version: z.number().int().positive(),
  occurredAt: z.string().datetime(),
  actor: z.object({
    type: z.enum(["user", "admin", "system", "gateway"]),
    id: z.string().optional(),
  }),
  subject: z.object({ type: z.string(), id: z.string() }).optional(),
  data: z.record(z.string(), z.unknown()),
});

export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;
export type EventActor = EventEnvelope["actor"];
