import type { RouteHandler } from "@hono/zod-openapi";
import { PromotionInputSchema, PromotionQueuedSchema } from "../../../schemas/notifications";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireRole } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { promotionEvents } from "../promotions";

export const promotionRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/notifications/promotions",
  tags: ["Notifications", "Admin"],
  summary: "Announce a price drop or an expiring voucher (admins)",
  description: [
    "`price_drop`: the product's current price must be below `previousPrice`; without `userIds` it goes to the signed-in users who viewed the product within NOTIFICATIONS_PRICE_DROP_VIEW_DAYS.",
    "`voucher_expiring`: to `userIds`, for a voucher whose expiry is ahead.",
    "Queued as `promotion.*` events (NOTIFICATIONS_PROMO_CHUNK recipients each, at most NOTIFICATIONS_PROMO_MAX_RECIPIENTS). Only users who opted in to promotions are notified, each at most once per price or voucher however often this is called.",
  ].join("\n\n"),
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: jsonBody(PromotionInputSchema),
  responses: { 202: jsonResponse("Queued", PromotionQueuedSchema) },
  errors: [401, 403, 404],
});

export const promotionHandler: RouteHandler<typeof promotionRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const { events, recipients } = await promotionEvents(database(c.env), c.get("config"), c.req.valid("json"), userId);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json({ events: events.length, recipients }, 202);
};
