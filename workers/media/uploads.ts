import {
  addProductImage,
  invalidateProduct,
  loadProduct,
  ownedProduct,
  recordUpload,
  type StoredMedia,
} from "../catalog";
import type { Config } from "../platform/config";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { CHAT_IMAGE_TYPES, mediaTypeOf, PRODUCT_IMAGE_TYPES, sniffImage } from "./sniff";
import { mediaKey, receiveUpload, refuseIfDeclaredTooLarge, type UploadPlan } from "./store";

/**
 * The two uploads: a product photo (owner only, a real JPEG, PNG or WebP) and a chat picture or
 * file. Either way the bytes stream into R2 first and the catalog records them after.
 *
 * Crash safety. The D1 record is the commit point: until it exists nothing points at the bytes
 * and the client got no id. If the record fails, the bytes are deleted at once; if the process
 * dies between the put and the record, the orphan sweep (orphans.ts, the minute cron) deletes
 * them once they are older than UPLOAD_MAX_LIFE_MS. A retried upload is a new upload (new id).
 */

/** Photos per product: a gallery, not a photo album. */
const MAX_IMAGES_PER_PRODUCT = 20;

export const ACCEPTED_PRODUCT_IMAGES = PRODUCT_IMAGE_TYPES.join(", ");

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
const isProductImageType = (type: string) => (PRODUCT_IMAGE_TYPES as readonly string[]).includes(type);

export interface UploadedMedia {
  id: string;
  contentType: string;
  size: number;
}

type Limits = Pick<Config["limits"], "maxImageBytes" | "maxMediaBytes">;

/** POST /products/{id}/media: a photo added at the end of the product's gallery. */
export async function uploadProductPhoto(
  env: Env,
  request: Request,
  origin: string,
  userId: string,
  productId: string,
  limits: Limits,
): Promise<UploadedMedia> {
  const limit = Math.min(limits.maxImageBytes, limits.maxMediaBytes);
  refuseIfDeclaredTooLarge(request, limit, "productImage");
  const db = database(env);
  const product = ownedProduct(await loadProduct(db, productId), userId);
  const declared = mediaTypeOf(request.headers.get("Content-Type"));
  if (!isProductImageType(declared)) {
    throw new ApiError(
      "unsupported_media_type",
      declared
        ? `Product photos must be ${ACCEPTED_PRODUCT_IMAGES}; this request says ${declared}. Send the image with its Content-Type.`
        : `Product photos must be ${ACCEPTED_PRODUCT_IMAGES}; this request has no Content-Type. Send the image with its Content-Type.`,
    );
  }
  if (product.images.length >= MAX_IMAGES_PER_PRODUCT) {
    throw new ApiError("conflict", `A product has at most ${MAX_IMAGES_PER_PRODUCT} photos.`);
  }
  const id = newId("med");
  const upload = await receiveUpload(env, request, id, { ownerId: userId, access: "public" }, (head) => {
    const actual = sniffImage(head);
    if (actual !== declared) {
      throw new ApiError(
        "unsupported_media_type",
        actual && isProductImageType(actual)
          ? `The bytes are ${actual} but Content-Type says ${declared}. Send the matching Content-Type.`
          : `The body is not a ${declared} image. Product photos must be ${ACCEPTED_PRODUCT_IMAGES}.`,
      );
    }
    return {
      contentType: actual,
      kind: "image",
      maxBytes: limit,
      what: "productImage",
      contentDisposition: "inline",
    };
  });
  const media: StoredMedia = { id, ownerId: userId, r2Key: mediaKey(id), ...upload };
  await recordOrDelete(env, id, () => addProductImage(db, product, media, userId));
  await invalidateProduct(origin, product.row.id);
  return { id, contentType: upload.contentType, size: upload.size };
}

/** POST /media: a picture (recognised by its bytes) or any other file, for chat: private (access.ts). */
export async function uploadChatMedia(
  env: Env,
  request: Request,
  userId: string,
  limits: Limits,
): Promise<UploadedMedia> {
  const fileLimit = limits.maxMediaBytes;
  const imageLimit = Math.min(limits.maxImageBytes, fileLimit);
  const declared = mediaTypeOf(request.headers.get("Content-Type"));
  if (!declared) {
    throw new ApiError("unsupported_media_type", "Send the file's Content-Type, e.g. image/jpeg or application/pdf.");
  }
  if (isImageType(declared)) refuseIfDeclaredTooLarge(request, imageLimit, "image");
  else refuseIfDeclaredTooLarge(request, fileLimit, "file");

  const id = newId("med");
  const scope = { ownerId: userId, access: "private" } as const;
  const upload = await receiveUpload(env, request, id, scope, (head): UploadPlan => {
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
        what: "image",
        contentDisposition: "inline",
      };
    }
    return {
      contentType: SAFE_FILE_TYPES.has(declared) ? declared : "application/octet-stream",
      kind: "file",
      maxBytes: fileLimit,
      what: "file",
      contentDisposition: "attachment",
    };
  });
  await recordOrDelete(env, id, () =>
    recordUpload(database(env), { id, ownerId: userId, r2Key: mediaKey(id), ...upload }),
  );
  return { id, contentType: upload.contentType, size: upload.size };
}

/** Runs the D1 record of stored bytes; if it fails, the bytes go too (nothing points at them; the sweep would, later). */
async function recordOrDelete(env: Env, id: string, record: () => Promise<void>): Promise<void> {
  try {
    await record();
  } catch (err) {
    await env.MEDIA.delete(mediaKey(id)).catch(() => undefined);
    throw err;
  }
}
