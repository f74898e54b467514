import type { RouteHandler } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { BenchNotificationsInputSchema, BenchNotificationsSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { securityAlertEvent } from "../../identity";
import { ApiError } from "../../platform/errors";
import { randomToken } from "../../platform/ids";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";

/** Like the other dev routes: only when DEV_OUTBOX is on (never in production), 404 before the body is read. */
const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("config").devOutbox) throw new ApiError("not_found", "Nothing exists at this address.");
  await next();
});

export const benchNotificationsRoute = defineRoute({
  method: "post",
  path: "/api/v1/dev/bench/notifications",
  tags: ["Dev"],
  summary: "Enqueue notification events for the benchmark (local only)",
  description:
    "Puts `events` security.alert events, round-robin over `userIds`, straight on the notifications queue (100 per sendBatch), with ids `<eventIdPrefix><n>`, for `npm run bench -- notifications` to time the consumer. At most NOTIFICATIONS_BENCH_MAX_EVENTS per call.",
  middleware: [devOnly] as const,
  request: jsonBody(BenchNotificationsInputSchema),
  responses: { 202: jsonResponse("Enqueued", BenchNotificationsSchema) },
  errors: [404],
});

export const benchNotificationsHandler: RouteHandler<typeof benchNotificationsRoute, AppEnv> = async (c) => {
  const { userIds, events } = c.req.valid("json");
  const max = c.get("config").notifications.benchMaxEvents;
  if (events > max) {
    throw new ApiError("validation_failed", `At most ${max} events per call (NOTIFICATIONS_BENCH_MAX_EVENTS).`, {
      errors: [{ path: "events", message: `At most ${max}` }],
    });
  }
  const runId = randomToken(6).replace(/[^A-Za-z0-9]/g, "x");
  const prefix = `evt_bench${runId}_`;
  const sentAt: number[] = [];
  for (let i = 0; i < events; i += 100) {
    const at = Date.now();
    const batch = [];
    for (let n = i; n < Math.min(events, i + 100); n++) {
      const event = securityAlertEvent(userIds[n % userIds.length], "new_sign_in", {
        device: `Bench ${n}`,
        at: new Date(at),
      });
      batch.push({ body: { ...event, id: `${prefix}${n}` }, contentType: "json" as const });
    }
    await c.env.NOTIFICATIONS.sendBatch(batch);
    sentAt.push(at);
  }
  return c.json({ runId, events, eventIdPrefix: prefix, sentAt }, 202);
};
