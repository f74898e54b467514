import { z } from "@hono/zod-openapi";

/** A single-use ticket for opening a realtime socket without an Authorization header. */
export const TicketSchema = z
  .object({ ticket: z.string(), expiresIn: z.number().int().openapi({ example: 60 }) })
  .openapi("RealtimeTicket");

/** GET /api/v1/realtime/ws: the caller's own stream. */
export const StreamQuerySchema = z.object({
  ticket: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .openapi({
      param: { name: "ticket", in: "query" },
      description: "From POST /api/v1/realtime/tickets, for clients that cannot send Authorization",
    }),
});
