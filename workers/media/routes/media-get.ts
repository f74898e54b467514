import type { RouteHandler } from "@hono/zod-openapi";
import { binaryBody, MediaIdParamSchema } from "../../../schemas/media";
import type { AppEnv } from "../../app-env";
import { ApiError } from "../../platform/errors";
import { defineRoute } from "../../platform/openapi";
import { IMMUTABLE, isMediaId, mediaKey } from "../store";

export const getMediaRoute = defineRoute({
  method: "get",
  path: "/api/v1/media/{id}",
  tags: ["Media"],
  summary: "An uploaded picture or file",
  description:
    "Served straight from R2 (no database read) with its Content-Type, an ETag and `Cache-Control: public, max-age=31536000, immutable`; `If-None-Match` with the ETag answers 304. Media ids are unguessable.",
  request: { params: MediaIdParamSchema },
  responses: {
    200: { description: "The bytes", content: { "application/octet-stream": { schema: binaryBody } } },
    304: { description: "Not modified: the ETag still matches" },
  },
  errors: [404],
});

const NOT_FOUND = "There is no media with this id.";

export const getMediaHandler: RouteHandler<typeof getMediaRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  if (!isMediaId(id)) throw new ApiError("not_found", NOT_FOUND);
  const object = await c.env.MEDIA.get(mediaKey(id), { onlyIf: c.req.raw.headers });
  if (!object) throw new ApiError("not_found", NOT_FOUND);
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("ETag", object.httpEtag);
  headers.set("Cache-Control", IMMUTABLE);
  if (!("body" in object)) return new Response(null, { status: 304, headers }) as never;
  headers.set("Content-Length", String(object.size));
  return new Response(object.body, { status: 200, headers }) as never;
};
