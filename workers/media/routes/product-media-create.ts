import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { binaryBody, MediaSchema } from "../../../schemas/media";
import type { AppEnv } from "../../app-env";
import { mediaUrl } from "../../catalog";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { PRODUCT_IMAGE_TYPES } from "../sniff";
import { ACCEPTED_PRODUCT_IMAGES, uploadProductPhoto } from "../uploads";

export const createProductMediaRoute = defineRoute({
  method: "post",
  path: "/api/v1/products/{id}/media",
  tags: ["Media"],
  summary: "Add a photo to a product (owner)",
  description: `The raw image as the body, with its Content-Type (${ACCEPTED_PRODUCT_IMAGES}). The bytes must really be that format: anything else, or a body whose first bytes say another format, is 415. At most 10 MiB (413, the limit in detail). The photo is served from \`url\` with a long-lived immutable cache.`,
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("mediaUpload")] as const,
  request: {
    params: IdParamSchema,
    body: {
      required: true,
      content: Object.fromEntries(PRODUCT_IMAGE_TYPES.map((type) => [type, { schema: binaryBody }])),
    },
  },
  responses: { 201: jsonResponse("The stored image", MediaSchema) },
  errors: [401, 403, 404, 409, 413, 415],
});

export const createProductMediaHandler: RouteHandler<typeof createProductMediaRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const origin = new URL(c.req.url).origin;
  const { id } = c.req.valid("param");
  const media = await uploadProductPhoto(c.env, c.req.raw, origin, userId, id, c.get("config").limits);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(
    { id: media.id, url: mediaUrl(origin, media.id), contentType: media.contentType, size: media.size },
    201,
  );
};
