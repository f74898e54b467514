import type { RouteHandler } from "@hono/zod-openapi";
import { binaryBody, MediaIdParamSchema, MediaQuerySchema } from "../../../schemas/media";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { defineRoute } from "../../platform/openapi";
import { accessFor } from "../access";
import { mediaResponse } from "../serve";
import { IMMUTABLE, isMediaId, mediaKey, PRIVATE } from "../store";

export const getMediaRoute = defineRoute({
  method: "get",
  path: "/api/v1/media/{id}",
  tags: ["Media"],
  summary: "An uploaded picture or file",
  description: [
    "Served from R2 with its Content-Type and an ETag; `If-None-Match` with the ETag answers 304.",
    "Product photos (and a picture its uploader made their avatar) are public: anyone, `Cache-Control: public, max-age=31536000, immutable`.",
    "Chat pictures and files are private: fetch the `url` of the message with `Authorization: Bearer <accessToken>`. It is served only to the uploader and to the current members of the dialog the url names (`?dialog=&sig=`, as the message gives it), with `Cache-Control: private, no-store`. Anyone else (no token, not a member, a removed member, a changed link) gets 404, as for an unknown id.",
  ].join("\n\n"),
  request: { params: MediaIdParamSchema, query: MediaQuerySchema },
  responses: {
    200: { description: "The bytes", content: { "application/octet-stream": { schema: binaryBody } } },
    304: { description: "Not modified: the ETag still matches" },
  },
  errors: [404],
});

const NOT_FOUND =
  "There is no media with this id that you may see. Chat pictures and files are served to the members of their dialog: fetch the message's url with your access token.";

export const getMediaHandler: RouteHandler<typeof getMediaRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { dialog, sig } = c.req.valid("query");
  if (!isMediaId(id)) throw new ApiError("not_found", NOT_FOUND);
  const object = await c.env.MEDIA.get(mediaKey(id), { onlyIf: c.req.raw.headers });
  if (!object) throw new ApiError("not_found", NOT_FOUND);
  const reader = {
    userId: c.get("auth")?.userId,
    link: dialog !== undefined && sig !== undefined ? { dialogId: dialog, sig } : undefined,
  };
  const access = await accessFor(c.env, id, object, reader);
  if (!access) {
    if ("body" in object) await object.body.cancel();
    throw new ApiError("not_found", NOT_FOUND);
  }
  return mediaResponse(object, access === "public" ? IMMUTABLE : PRIVATE) as never;
};
