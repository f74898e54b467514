import type { RouteHandler } from "@hono/zod-openapi";
import { productMedia } from "../../../d1/schema/catalog";
import { binaryBody, MediaSchema } from "../../../schemas/media";
import type { AppEnv } from "../../app-env";
import { mediaUrl } from "../../catalog";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { newId } from "../../platform/ids";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { CHAT_IMAGE_TYPES, mediaTypeOf, sniffImage } from "../sniff";
import { mediaKey, receiveUpload, refuseIfDeclaredTooLarge } from "../store";

/**
 * File types served back as what they are. Anything else (HTML, SVG, scripts: content a browser
 * would run on our origin) is stored and served as application/octet-stream, always as an attachment.
 */
const SAFE_FILE_TYPES = new Set([
  "application/pdf",
  "application/zip",
  "text/plain",
  "text/csv",
  "application/msword",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "audio/mpeg",
  "audio/mp4",
  "audio/ogg",
  "audio/aac",
  "video/mp4",
  "video/quicktime",
  "video/webm",
]);

const isImageType = (type: string) => (CHAT_IMAGE_TYPES as readonly string[]).includes(type);

export const createMediaRoute = defineRoute({
  method: "post",
  path: "/api/v1/media",
  tags: ["Media"],
  summary: "Upload a picture or file (for chat)",
  description:
    "The raw bytes as the body with their Content-Type. Pictures (JPEG, PNG, WebP, GIF, recognised by their bytes) up to 10 MiB; other files up to MAX_MEDIA_BYTES (25 MiB); 413 past that. A body that claims an image type but is not that image is 415. Files that a browser could run (HTML, SVG, scripts) are served as downloads only.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { body: { required: true, content: { "*/*": { schema: binaryBody } } } },
  responses: { 201: jsonResponse("The stored media", MediaSchema) },
  errors: [401, 413, 415],
});

export const createMediaHandler: RouteHandler<typeof createMediaRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const fileLimit = c.get("config").limits.maxMediaBytes;
  const imageLimit = Math.min(c.get("config").limits.maxImageBytes, fileLimit);
  const declared = mediaTypeOf(c.req.header("Content-Type"));
  if (!declared) {
    throw new ApiError("unsupported_media_type", "Send the file's Content-Type, e.g. image/jpeg or application/pdf.");
  }
  if (isImageType(declared)) refuseIfDeclaredTooLarge(c.req.raw, imageLimit, "An image");
  else refuseIfDeclaredTooLarge(c.req.raw, fileLimit, "A file");

  const id = newId("med");
  const upload = await receiveUpload(c.env, c.req.raw, id, (head) => {
    const actual = sniffImage(head);
    if (isImageType(declared) && actual !== declared) {
      throw new ApiError(
        "unsupported_media_type",
        actual
          ? `The bytes are ${actual} but Content-Type says ${declared}. Send the matching Content-Type.`
          : `The body is not a ${declared} image. Send it as a file with its real Content-Type instead.`,
      );
    }
    if (actual) {
      return {
        contentType: actual,
        kind: "image",
        maxBytes: imageLimit,
        what: "An image",
        contentDisposition: "inline",
      };
    }
    return {
      contentType: SAFE_FILE_TYPES.has(declared) ? declared : "application/octet-stream",
      kind: "file",
      maxBytes: fileLimit,
      what: "A file",
      contentDisposition: "attachment",
    };
  });
  try {
    await database(c.env)
      .insert(productMedia)
      .values({
        id,
        productId: null,
        ownerId: userId,
        r2Key: mediaKey(id),
        kind: upload.kind,
        contentType: upload.contentType,
        size: upload.size,
        etag: upload.etag,
        createdAt: nowMs(),
      });
  } catch (err) {
    await c.env.MEDIA.delete(mediaKey(id)).catch(() => undefined);
    throw err;
  }
  const origin = new URL(c.req.url).origin;
  return c.json({ id, url: mediaUrl(origin, id), contentType: upload.contentType, size: upload.size }, 201);
};
