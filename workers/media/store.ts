import { ApiError } from "../platform/errors";
import { SNIFF_BYTES } from "./sniff";

export const MiB = 1024 * 1024;
/** Served forever under an id that never changes content: product photos, avatars. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Chat uploads: for their uploader and their dialog's members only, kept by no cache. */
export const PRIVATE = "private, no-store";

/**
 * Who an upload is for, recorded on the R2 object (customMetadata `access`, and `owner`) so a
 * read needs no database lookup to know: product photos are public, chat uploads private.
 */
export type MediaAccess = "public" | "private";

export const MEDIA_PREFIX = "media/";
export const mediaKey = (id: string) => `${MEDIA_PREFIX}${id}`;
/**
 * How long an upload may take from its first byte to its D1 record: far longer than any upload
 * within the size limits runs. Bytes without a record past this age are orphans (orphans.ts), and an
 * account erasure keeps erasing late uploads for this long after the deletion (privacy).
 */
export const UPLOAD_MAX_LIFE_MS = 60 * 60_000;
const MEDIA_ID = /^med_[0-9A-HJKMNP-TV-Z]{26}$/;
export const isMediaId = (id: string) => MEDIA_ID.test(id);

/** What an upload is, for its 413: each kind has its own whole sentence, so it translates as a unit. */
export type UploadWhat = "productImage" | "image" | "file";

function tooLarge(limit: number, what: UploadWhat): ApiError {
  const mib = limit / MiB;
  return new ApiError(
    "payload_too_large",
    what === "productImage"
      ? `A product image may be at most ${limit} bytes (${mib} MiB). Send a smaller file.`
      : what === "image"
        ? `An image may be at most ${limit} bytes (${mib} MiB). Send a smaller file.`
        : `A file may be at most ${limit} bytes (${mib} MiB). Send a smaller file.`,
    { errors: [{ path: "body", message: `At most ${limit} bytes` }] },
  );
}

/** What the handler decided once it saw the declared type and the first bytes. */
export interface UploadPlan {
  contentType: string;
  kind: "image" | "file";
  maxBytes: number;
  /** What the upload is, for the 413 detail. */
  what: UploadWhat;
  contentDisposition: string;
}

/** Who uploads, and who the upload is for. */
export interface UploadScope {
  ownerId: string;
  access: MediaAccess;
}

export interface ReceivedUpload {
  contentType: string;
  kind: "image" | "file";
  size: number;
  etag: string;
}

/** Content-Length as a number, when the client sent a valid one. */
export function declaredLength(request: Request): number | undefined {
  if (request.headers.has("transfer-encoding")) return undefined;
  const header = request.headers.get("content-length");
  if (header === null || !/^\d{1,15}$/.test(header)) return undefined;
  return Number(header);
}

/** 413 before reading a byte when Content-Length already says the body is too big. */
export function refuseIfDeclaredTooLarge(request: Request, limit: number, what: UploadWhat): void {
  const length = declaredLength(request);
  if (length !== undefined && length > limit) throw tooLarge(limit, what);
}

class LengthMismatch extends Error {
  override name = "LengthMismatch";
}

/** Reads until at least `n` bytes are in hand (or the body ends). */
async function readHead(reader: ReadableStreamDefaultReader<Uint8Array>, n: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  return concat(chunks, size);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Streams a raw request body into R2 at `media/<id>`. The first bytes decide (through `plan`) what
 * the body is and how big it may be. With a Content-Length the body streams straight through a
 * FixedLengthStream (never held in memory) after an early 413; without one (chunked uploads, which
 * R2 cannot take as a stream) it is read up to the limit and refused past it.
 */
export async function receiveUpload(
  env: Env,
  request: Request,
  id: string,
  scope: UploadScope,
  plan: (head: Uint8Array) => UploadPlan,
): Promise<ReceivedUpload> {
  const body = request.body;
  const length = declaredLength(request);
  if (!body || length === 0) {
    throw new ApiError("validation_failed", "The request body is empty: send the file's bytes as the body.", {
      errors: [{ path: "body", message: "Empty body" }],
    });
  }
  const reader = body.getReader();
  const head = await readHead(reader, SNIFF_BYTES);
  if (head.byteLength === 0) {
    throw new ApiError("validation_failed", "The request body is empty: send the file's bytes as the body.", {
      errors: [{ path: "body", message: "Empty body" }],
    });
  }
  let decided: UploadPlan;
  try {
    decided = plan(head);
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  const options: R2PutOptions = {
    httpMetadata: {
      contentType: decided.contentType,
      cacheControl: scope.access === "public" ? IMMUTABLE : PRIVATE,
      contentDisposition: decided.contentDisposition,
    },
    customMetadata: { access: scope.access, owner: scope.ownerId },
  };

  if (length !== undefined) {
    if (length > decided.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(decided.maxBytes, decided.what);
    }
    const stored = await streamWithLength(env, mediaKey(id), reader, head, length, options);
    return { contentType: decided.contentType, kind: decided.kind, size: stored.size, etag: stored.httpEtag };
  }

  const chunks = [head];
  let size = head.byteLength;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > decided.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(decided.maxBytes, decided.what);
    }
    chunks.push(value);
  }
  const stored = await env.MEDIA.put(mediaKey(id), concat(chunks, size), options);
  if (!stored) throw new Error("R2 put returned null");
  return { contentType: decided.contentType, kind: decided.kind, size: stored.size, etag: stored.httpEtag };
}

/**
 * Streams a body of a declared `length` (whose first bytes, `head`, are already read) into R2
 * through a FixedLengthStream: never held in memory. A body longer or shorter than declared is a 400.
 */
async function streamWithLength(
  env: Env,
  key: string,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  head: Uint8Array,
  length: number,
  options: R2PutOptions,
): Promise<R2Object> {
  const { readable, writable } = new FixedLengthStream(length);
  const writer = writable.getWriter();
  const pump = (async () => {
    let written = 0;
    let chunk: Uint8Array | undefined = head;
    while (chunk) {
      written += chunk.byteLength;
      if (written > length) throw new LengthMismatch();
      await writer.write(chunk);
      const next = await reader.read();
      chunk = next.done ? undefined : next.value;
    }
    if (written !== length) throw new LengthMismatch();
    await writer.close();
  })();
  try {
    const [stored] = await Promise.all([env.MEDIA.put(key, readable, options), pump]);
    if (!stored) throw new Error("R2 put returned null");
    return stored;
  } catch (err) {
    await writer.abort(err).catch(() => undefined);
    await reader.cancel().catch(() => undefined);
    if (!(err instanceof LengthMismatch)) throw err;
    throw new ApiError(
      "bad_request",
      `The body did not match its Content-Length of ${length} bytes. Send the whole file with its exact length.`,
    );
  }
}
