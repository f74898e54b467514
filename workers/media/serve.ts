import { isMediaId, mediaKey, PRIVATE } from "./store";

/**
 * An upload as a response: its Content-Type and ETag from R2, the given Cache-Control, and 304 when
 * the request's `If-None-Match` still matches (the object was read with `onlyIf`, so it has no body).
 */
export function mediaResponse(object: R2Object, cacheControl: string): Response {
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("ETag", object.httpEtag);
  headers.set("Cache-Control", cacheControl);
  if (!("body" in object)) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(object.size));
  return new Response((object as R2ObjectBody).body, { status: 200, headers });
}

/**
 * A private upload served on behalf of a domain that has already decided the caller may see it
 * (a return's photos: its buyer and its shop's owner, workers/returns), kept by no cache.
 * Undefined when there are no such bytes (never uploaded, or erased with their uploader's account).
 */
export async function privateUploadResponse(
  env: Env,
  mediaId: string,
  requestHeaders: Headers,
): Promise<Response | undefined> {
  if (!isMediaId(mediaId)) return undefined;
  const object = await env.MEDIA.get(mediaKey(mediaId), { onlyIf: requestHeaders });
  return object ? mediaResponse(object, PRIVATE) : undefined;
}
