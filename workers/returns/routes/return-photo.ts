import type { RouteHandler } from "@hono/zod-openapi";
import { binaryBody } from "../../../schemas/media";
import { ReturnPhotoParamsSchema } from "../../../schemas/returns";
import type { AppEnv } from "../../app-env";
import { privateUploadResponse } from "../../media";
import { requireAuth } from "../../middleware/auth";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { returnPhotoFor } from "../access";

export const returnPhotoRoute = defineRoute({
  method: "get",
  path: "/api/v1/returns/{id}/photos/{mediaId}",
  tags: ["Returns"],
  summary: "A photo of a return (its buyer, its shop's owner, admins)",
  description:
    "The `url` of one of the return's `photos`, fetched with `Authorization: Bearer <accessToken>`. Served from private storage with `Cache-Control: private, no-store` and an ETag (`If-None-Match` answers 304). Anyone else gets 404, as for an unknown id: there is no public link to a return's photos.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: ReturnPhotoParamsSchema },
  responses: {
    200: { description: "The picture's bytes", content: { "application/octet-stream": { schema: binaryBody } } },
    304: { description: "Not modified: the ETag still matches" },
  },
  errors: [401, 404],
});

export const returnPhotoHandler: RouteHandler<typeof returnPhotoRoute, AppEnv> = async (c) => {
  const { id, mediaId } = c.req.valid("param");
  const photo = await returnPhotoFor(c, id, mediaId);
  const response = await privateUploadResponse(c.env, photo, c.req.raw.headers);
  if (!response) throw new ApiError("not_found", "This photo is no longer stored: its uploader's account was erased.");
  return response as never;
};
