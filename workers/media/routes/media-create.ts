import type { RouteHandler } from "@hono/zod-openapi";
import { binaryBody, MediaSchema } from "../../../schemas/media";
import type { AppEnv } from "../../app-env";
import { mediaUrl } from "../../catalog";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { uploadChatMedia } from "../uploads";

export const createMediaRoute = defineRoute({
  method: "post",
  path: "/api/v1/media",
  tags: ["Media"],
  summary: "Upload a picture or file (for chat)",
  description:
    "The raw bytes as the body with their Content-Type. Pictures (JPEG, PNG, WebP, GIF, recognised by their bytes) up to 10 MiB; other files up to MAX_MEDIA_BYTES (25 MiB); 413 past that. A body that claims an image type but is not that image is 415. Files that a browser could run (HTML, SVG, scripts) are served as downloads only. Uploads are private: `url` serves the uploader (with their token); sent in a message, the message's own `url` serves the dialog's members (GET /api/v1/media/{id}).",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("mediaUpload")] as const,
  request: { body: { required: true, content: { "*/*": { schema: binaryBody } } } },
  responses: { 201: jsonResponse("The stored media", MediaSchema) },
  errors: [401, 413, 415],
});

export const createMediaHandler: RouteHandler<typeof createMediaRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const media = await uploadChatMedia(c.env, c.req.raw, userId, c.get("config").limits);
  const url = mediaUrl(new URL(c.req.url).origin, media.id);
  return c.json({ id: media.id, url, contentType: media.contentType, size: media.size }, 201);
};
