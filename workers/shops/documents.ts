import { and, asc, eq, isNull } from "drizzle-orm";
import { shopDocuments } from "../../d1/schema/shops";
import type { ShopDocument } from "../../schemas/shop-verification";
import type { SellerUploads } from "../platform/config-seller-uploads";
import { type Database, database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { findShop, ownedShop } from "./queries";

/**
 * Business verification documents: private bytes in R2 under `shop-documents/`, a prefix that no
 * public route serves (GET /media serves `media/` only). The shop's owner and admins read them back
 * through GET /shops/{id}/verification/documents/{documentId}, never through a public link.
 */

export type DocumentRow = typeof shopDocuments.$inferSelect;

const DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
type DocumentType = (typeof DOCUMENT_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** What the bytes really are (the Content-Type header alone proves nothing). */
function sniffDocument(head: Uint8Array): DocumentType | undefined {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  return undefined;
}

const documentKey = (shopId: string, id: string) => `shop-documents/${shopId}/${id}`;

export function documentUrl(row: Pick<DocumentRow, "id" | "shopId">): string {
  return `/api/v1/shops/${row.shopId}/verification/documents/${row.id}`;
}

export function presentDocument(row: DocumentRow): ShopDocument {
  return {
    id: row.id,
    shopId: row.shopId,
    contentType: row.contentType,
    size: row.size,
    url: documentUrl(row),
    verificationId: row.verificationId,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

function tooLarge(limit: number): ApiError {
  return new ApiError(
    "payload_too_large",
    `A verification document may be at most ${limit} bytes. Send a smaller scan or photo.`,
    { errors: [{ path: "body", message: `At most ${limit} bytes` }] },
  );
}

/** The owner uploads one document (raw PDF, JPEG or PNG body); it stays private to them and admins. */
export async function uploadDocument(
  env: Env,
  request: Request,
  shopId: string,
  ownerId: string,
  limits: SellerUploads,
): Promise<DocumentRow> {
  const db = database(env);
  const shop = await ownedShop(db, shopId, ownerId);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limits.documentMaxBytes) throw tooLarge(limits.documentMaxBytes);
  const body = new Uint8Array(await request.arrayBuffer());
  if (body.byteLength > limits.documentMaxBytes) throw tooLarge(limits.documentMaxBytes);
  if (body.byteLength === 0) {
    throw new ApiError("validation_failed", "The document is empty. Send the file's bytes as the request body.", {
      errors: [{ path: "body", message: "Empty" }],
    });
  }
  const contentType = sniffDocument(body.subarray(0, 8));
  if (!contentType) {
    throw new ApiError(
      "unsupported_media_type",
      "A verification document must be a PDF, JPEG or PNG file. Scan or photograph it in one of those formats.",
    );
  }
  const pending = await db
    .select({ id: shopDocuments.id })
    .from(shopDocuments)
    .where(and(eq(shopDocuments.shopId, shop.id), isNull(shopDocuments.verificationId)))
    .limit(limits.documentMaxCount * 4);
  if (pending.length >= limits.documentMaxCount * 4) {
    throw new ApiError(
      "conflict",
      `This shop already has ${pending.length} documents not yet sent for review. Submit them for verification first.`,
    );
  }
  const id = newId("sdoc");
  const r2Key = documentKey(shop.id, id);
  await env.MEDIA.put(r2Key, body, {
    httpMetadata: { contentType, contentDisposition: "attachment" },
    customMetadata: { access: "private", owner: ownerId, shop: shop.id },
  });
  const row: DocumentRow = {
    id,
    shopId: shop.id,
    uploaderId: ownerId,
    r2Key,
    contentType,
    size: body.byteLength,
    verificationId: null,
    createdAt: nowMs(),
  };
  await db.insert(shopDocuments).values(row);
  return row;
}

const NO_DOCUMENT = "There is no such document for this shop.";

/**
 * A document's bytes, for the shop's owner or an admin only. Anyone else is told it does not
 * exist, so a guessed link reveals nothing.
 */
export async function readDocument(
  env: Env,
  shopId: string,
  documentId: string,
  reader: { userId: string; roles: string[] },
): Promise<{ row: DocumentRow; object: R2ObjectBody }> {
  const db = database(env);
  const shop = await findShop(db, shopId).catch(() => undefined);
  if (!shop || !(shop.ownerId === reader.userId || reader.roles.includes("admin"))) {
    throw new ApiError("not_found", NO_DOCUMENT);
  }
  const row = await db
    .select()
    .from(shopDocuments)
    .where(and(eq(shopDocuments.id, documentId), eq(shopDocuments.shopId, shop.id)))
    .get();
  const object = row ? await env.MEDIA.get(row.r2Key) : null;
  if (!row || !object) throw new ApiError("not_found", NO_DOCUMENT);
  return { row, object };
}

/** A shop's documents: all of them, or only those not yet sent with a request. */
export function documentsOf(db: Database, shopId: string, onlyUnsubmitted: boolean) {
  return db
    .select()
    .from(shopDocuments)
    .where(and(eq(shopDocuments.shopId, shopId), onlyUnsubmitted ? isNull(shopDocuments.verificationId) : undefined))
    .orderBy(asc(shopDocuments.id));
}
