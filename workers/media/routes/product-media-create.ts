import type { RouteHandler } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { productMedia, products } from "../../../d1/schema/catalog";
import { IdParamSchema } from "../../../schemas/identity";
import { binaryBody, MediaSchema } from "../../../schemas/media";
import type { AppEnv } from "../../app-env";
import { invalidateProduct, loadProduct, mediaUrl, ownedProduct, PRODUCT_UPDATED, productEvent } from "../../catalog";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { mediaTypeOf, PRODUCT_IMAGE_TYPES, sniffImage } from "../sniff";
import { mediaKey, receiveUpload, refuseIfDeclaredTooLarge } from "../store";

/** Photos per product: a gallery, not a photo album. */
const MAX_IMAGES_PER_PRODUCT = 20;

const ACCEPTED = PRODUCT_IMAGE_TYPES.join(", ");

export const createProductMediaRoute = defineRoute({
  method: "post",
  path: "/api/v1/products/{id}/media",
  tags: ["Media"],
  summary: "Add a photo to a product (owner)",
  description: `The raw image as the body, with its Content-Type (${ACCEPTED}). The bytes must really be that format: anything else, or a body whose first bytes say another format, is 415. At most 10 MiB (413, the limit in detail). The photo is served from \`url\` with a long-lived immutable cache.`,
  security: bearerAuth,
  middleware: [requireAuth] as const,
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
  const limit = Math.min(c.get("config").limits.maxImageBytes, c.get("config").limits.maxMediaBytes);
  refuseIfDeclaredTooLarge(c.req.raw, limit, "A product image");
  const db = database(c.env);
  const product = ownedProduct(await loadProduct(db, c.req.valid("param").id), userId);
  const declared = mediaTypeOf(c.req.header("Content-Type"));
  if (!(PRODUCT_IMAGE_TYPES as readonly string[]).includes(declared)) {
    throw new ApiError(
      "unsupported_media_type",
      `Product photos must be ${ACCEPTED}; this request says ${declared || "nothing"}. Send the image with its Content-Type.`,
    );
  }
  if (product.images.length >= MAX_IMAGES_PER_PRODUCT) {
    throw new ApiError("conflict", `A product has at most ${MAX_IMAGES_PER_PRODUCT} photos.`);
  }

  const id = newId("med");
  const upload = await receiveUpload(c.env, c.req.raw, id, (head) => {
    const actual = sniffImage(head);
    if (actual !== declared) {
      throw new ApiError(
        "unsupported_media_type",
        actual && (PRODUCT_IMAGE_TYPES as readonly string[]).includes(actual)
          ? `The bytes are ${actual} but Content-Type says ${declared}. Send the matching Content-Type.`
          : `The body is not a ${declared} image. Product photos must be ${ACCEPTED}.`,
      );
    }
    return {
      contentType: actual,
      kind: "image",
      maxBytes: limit,
      what: "A product image",
      contentDisposition: "inline",
    };
  });

  const now = nowMs();
  try {
    await db.batch([
      db.insert(productMedia).values({
        id,
        productId: product.row.id,
        ownerId: userId,
        r2Key: mediaKey(id),
        kind: "image",
        contentType: upload.contentType,
        size: upload.size,
        etag: upload.etag,
        position: product.images.length,
        createdAt: now,
      }),
      db.update(products).set({ updatedAt: now }).where(eq(products.id, product.row.id)),
      productEvent(db, PRODUCT_UPDATED, product.row, userId),
    ]);
  } catch (err) {
    await c.env.MEDIA.delete(mediaKey(id)).catch(() => undefined);
    throw err;
  }
  const origin = new URL(c.req.url).origin;
  await invalidateProduct(origin, product.row.id);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json({ id, url: mediaUrl(origin, id), contentType: upload.contentType, size: upload.size }, 201);
};
