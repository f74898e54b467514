import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";
import { ApiError } from "../platform/errors";

const JSON_LIKE = /^(application\/([a-z.+-]+\+)?json|text\/|application\/x-www-form-urlencoded)/i;

/**
 * JSON and text bodies are capped at MAX_BODY_BYTES; raw uploads (images, files) at
 * MAX_MEDIA_BYTES, and the media routes apply their tighter per-kind caps on top.
 */
export const limitBodySize = createMiddleware<AppEnv>((c, next) => {
  const { maxBodyBytes, maxMediaBytes } = c.get("config").limits;
  const contentType = c.req.header("Content-Type") ?? "";
  const isRawUpload = contentType !== "" && !JSON_LIKE.test(contentType);
  const maxSize = isRawUpload ? maxMediaBytes : maxBodyBytes;
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
  })(c, next);
});
