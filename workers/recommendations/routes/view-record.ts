import type { RouteHandler } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import type { Context } from "hono";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { cartTokenHash, guestCartToken } from "../../cart";
import { LISTED_PRODUCTS_SQL } from "../../catalog";
import { clientIpHash } from "../../platform/client";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { defineRoute, noContent } from "../../platform/openapi";
import { dayNumber, MAX_VIEW_COUNT } from "../rules";

export const recordViewRoute = defineRoute({
  method: "post",
  path: "/api/v1/products/{id}/views",
  tags: ["Recommendations"],
  summary: "Record that a product was viewed",
  description:
    "Call this (no body) each time a product page is shown. GET /api/v1/products/{id} is served from the edge cache and does not count views, so recommendations (trending, for-you) only learn about views through this call. The viewer is the signed-in user; without a token, the guest named by `X-Cart-Token`, else the caller's IP — both kept only as keyed hashes. Views are counted per viewer, product and day (and only a few per viewer and day weigh in trending).",
  request: { params: IdParamSchema },
  responses: { 204: noContent },
  errors: [404],
});

/** Who is viewing: the user's id; a guest's cart token or IP only as a hash. */
async function viewerId(c: Context<AppEnv>): Promise<string> {
  const userId = c.get("auth")?.userId;
  if (userId) return userId;
  const token = guestCartToken(c);
  if (token) return `cart:${await cartTokenHash(token)}`;
  return `ip:${await clientIpHash(c)}`;
}

export const recordViewHandler: RouteHandler<typeof recordViewRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const viewer = await viewerId(c);
  const now = nowMs();
  // One statement: counts the view only if the product is public, so 0 changes means 404.
  const result = await database(c.env).run(sql`
    INSERT INTO product_views (product_id, viewer_id, day, count, last_viewed_at)
    SELECT p.id, ${viewer}, ${dayNumber(now)}, 1, ${now}
    FROM ${sql.raw(LISTED_PRODUCTS_SQL)} p WHERE p.id = ${id}
    ON CONFLICT (product_id, viewer_id, day) DO UPDATE
      SET count = MIN(count + 1, ${MAX_VIEW_COUNT}), last_viewed_at = excluded.last_viewed_at`);
  if (result.meta.changes === 0) throw new ApiError("not_found", "There is no product with this id.");
  c.header("Cache-Control", "no-store");
  return c.body(null, 204);
};
