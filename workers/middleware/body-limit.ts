import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import type { Config } from "../platform/config";
import { ApiError } from "../platform/errors";

const JSON_LIKE = /^(application\/([a-z.+-]+\+)?json|text\/|application\/x-www-form-urlencoded)/i;

function limit(maxSize: number, isRawUpload: boolean): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(
        "payload_too_large",
        isRawUpload
          ? `The request body is larger than ${maxSize} bytes. Send at most ${maxSize} bytes.`
          : `The request body is larger than ${maxSize} bytes. Send at most ${maxSize} bytes of JSON.`,
      );
    },
  });
}

/** Both limits of a configuration, built once per isolate (the config is loaded once per env). */
const built = new WeakMap<Config, { raw: MiddlewareHandler; json: MiddlewareHandler }>();

/**
 * JSON and text bodies are capped at MAX_BODY_BYTES; raw uploads (images, files) at
 * MAX_MEDIA_BYTES, and the media routes apply their tighter per-kind caps on top.
 */
export const limitBodySize = createMiddleware<AppEnv>((c, next) => {
  const config = c.get("config");
  let limits = built.get(config);
  if (!limits) {
    const { maxBodyBytes, maxMediaBytes } = config.limits;
    limits = { raw: limit(maxMediaBytes, true), json: limit(maxBodyBytes, false) };
    built.set(config, limits);
  }
  const contentType = c.req.header("Content-Type") ?? "";
  const isRawUpload = contentType !== "" && !JSON_LIKE.test(contentType);
  return (isRawUpload ? limits.raw : limits.json)(c, next);
});
