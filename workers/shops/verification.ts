import { z } from "@hono/zod-openapi";
import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { shopDocuments, shops, shopVerifications } from "../../d1/schema/shops";
import type {
  ReviewVerificationSchema,
  ShopVerificationRequest,
  SubmitVerificationSchema,
  VerificationQueueQuerySchema,
} from "../../schemas/shop-verification";
import { auditWrite } from "../identity";
import { batchGuard, isGuardRefusal } from "../platform/batch-guard";
import type { SellerUploads } from "../platform/config-seller-uploads";
import { database, isUniqueViolation, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { decodeCursor, type Page, toPage } from "../platform/pagination";
import { type DocumentRow, documentsOf, presentDocument } from "./documents";
import type { ShopRow } from "./present";
import { findShop, ownedShop } from "./queries";

/**
 * Business verification: the owner sends uploaded documents as one request; an admin approves or
 * rejects it with a note, and the shop's `verificationStatus` follows (verified / rejected). One
 * request per shop is open at a time (a partial unique index, so racing submissions open one).
 */

type RequestRow = typeof shopVerifications.$inferSelect;
const cursorSchema = z.object({ t: z.number().int(), id: z.string().min(1).max(64) });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function presentRequest(row: RequestRow, shopName: string, documents: DocumentRow[]): ShopVerificationRequest {
  return {
    id: row.id,
    shopId: row.shopId,
    shopName,
    status: row.status,
    message: row.message,
    documents: documents.filter((d) => d.verificationId === row.id).map(presentDocument),
    reviewNote: row.reviewNote,
    reviewedAt: iso(row.reviewedAt),
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The owner sends documents for review: the shop becomes (or stays) pending until an admin decides. */
export async function submitVerification(
  env: Env,
  shopId: string,
  ownerId: string,
  input: z.infer<typeof SubmitVerificationSchema>,
  limits: SellerUploads,
): Promise<ShopVerificationRequest> {
  const db = database(env);
  const shop = await ownedShop(db, shopId, ownerId);
  const ids = [...new Set(input.documentIds)];
  if (ids.length > limits.documentMaxCount) {
    throw new ApiError("validation_failed", `Send at most ${limits.documentMaxCount} documents in one request.`, {
      errors: [{ path: "documentIds", message: `At most ${limits.documentMaxCount}` }],
    });
  }
  if (shop.verificationStatus === "verified") {
    throw new ApiError("conflict", "This shop is already verified: there is nothing to submit.");
  }
  const found = await db
    .select({ id: shopDocuments.id })
    .from(shopDocuments)
    .where(
      and(eq(shopDocuments.shopId, shop.id), isNull(shopDocuments.verificationId), inArray(shopDocuments.id, ids)),
    );
  if (found.length !== ids.length) {
    throw new ApiError(
      "validation_failed",
      "Every document id must be a document uploaded to this shop and not sent yet. Upload the document first, then send its id.",
      { errors: [{ path: "documentIds", message: "Unknown or already submitted document" }] },
    );
  }
  const now = nowMs();
  const id = newId("svr", now);
  const request: RequestRow = {
    id,
    shopId: shop.id,
    submittedBy: ownerId,
    status: "pending",
    message: input.message ?? null,
    reviewNote: null,
    reviewedBy: null,
    reviewedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const unsent = and(inArray(shopDocuments.id, ids), isNull(shopDocuments.verificationId));
  try {
    await db.batch([
      db.insert(shopVerifications).values(request),
      // Every document still unsent when the batch runs, or nothing at all.
      batchGuard(db, sql`(SELECT count(*) FROM ${shopDocuments} WHERE ${unsent}) = ${ids.length}`),
      db.update(shopDocuments).set({ verificationId: id }).where(unsent),
      db
        .update(shops)
        .set({ verificationStatus: "pending", verificationNote: null, updatedAt: now })
        .where(eq(shops.id, shop.id)),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new ApiError("conflict", "This shop already has a verification request waiting for review.");
    }
    if (isGuardRefusal(err)) {
      throw new ApiError(
        "conflict",
        "One of these documents was just sent with another request. Reload and try again.",
      );
    }
    throw err;
  }
  const documents = await documentsOf(db, shop.id, false);
  return presentRequest(request, shop.name, documents);
}

/** The shop's verification as its owner (or an admin) sees it: status, latest request, unsent documents. */
export async function verificationState(env: Env, shopId: string, reader: { userId: string; roles: string[] }) {
  const db = database(env);
  const shop = await findShop(db, shopId);
  if (shop.ownerId !== reader.userId && !reader.roles.includes("admin")) {
    throw new ApiError("forbidden", "Only the shop's owner can see its verification documents.");
  }
  const [latest, documents] = await db.batch([
    db
      .select()
      .from(shopVerifications)
      .where(eq(shopVerifications.shopId, shop.id))
      .orderBy(desc(shopVerifications.createdAt), desc(shopVerifications.id))
      .limit(1),
    documentsOf(db, shop.id, false),
  ]);
  return {
    shopId: shop.id,
    verificationStatus: shop.verificationStatus,
    verifiedAt: iso(shop.verifiedAt),
    latestRequest: latest[0] ? presentRequest(latest[0], shop.name, documents) : null,
    unsubmittedDocuments: documents.filter((d) => d.verificationId === null).map(presentDocument),
  };
}

/** The admins' queue, oldest first (first come, first reviewed). */
export async function verificationQueue(
  env: Env,
  query: z.infer<typeof VerificationQueueQuerySchema>,
): Promise<Page<ShopVerificationRequest>> {
  const db = database(env);
  const cursor = decodeCursor(query.cursor, cursorSchema);
  const rows = await db
    .select({ request: shopVerifications, shopName: shops.name })
    .from(shopVerifications)
    .innerJoin(shops, eq(shops.id, shopVerifications.shopId))
    .where(
      and(
        eq(shopVerifications.status, query.status),
        cursor
          ? or(
              lt(sql`${cursor.t}`, shopVerifications.createdAt),
              and(eq(shopVerifications.createdAt, cursor.t), lt(sql`${cursor.id}`, shopVerifications.id)),
            )
          : undefined,
      ),
    )
    .orderBy(shopVerifications.createdAt, shopVerifications.id)
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ t: r.request.createdAt, id: r.request.id }));
  const ids = page.items.map((r) => r.request.id);
  const documents =
    ids.length > 0 ? await db.select().from(shopDocuments).where(inArray(shopDocuments.verificationId, ids)) : [];
  return {
    items: page.items.map((r) => presentRequest(r.request, r.shopName, documents)),
    nextCursor: page.nextCursor,
  };
}

/**
 * An admin approves or rejects a pending request: the request, the shop's status and the audit
 * entry land in one batch, and only while the request is still pending (two admins deciding at
 * once: one wins, the other gets 409).
 */
export async function reviewVerification(
  env: Env,
  requestId: string,
  adminId: string,
  decision: "approved" | "rejected",
  input: z.infer<typeof ReviewVerificationSchema>,
): Promise<ShopVerificationRequest> {
  const db = database(env);
  const request = await db.select().from(shopVerifications).where(eq(shopVerifications.id, requestId)).get();
  if (!request) throw new ApiError("not_found", "There is no verification request with this id.");
  if (decision === "rejected" && !input.note) {
    throw new ApiError("validation_failed", "Say why the documents are rejected in note, so the owner can fix them.", {
      errors: [{ path: "note", message: "Required when rejecting" }],
    });
  }
  const now = nowMs();
  const note = input.note ?? null;
  const pending = and(eq(shopVerifications.id, request.id), eq(shopVerifications.status, "pending"));
  try {
    await db.batch([
      batchGuard(db, sql`EXISTS (SELECT 1 FROM ${shopVerifications} WHERE ${pending})`),
      db
        .update(shopVerifications)
        .set({ status: decision, reviewNote: note, reviewedBy: adminId, reviewedAt: now, updatedAt: now })
        .where(pending),
      db
        .update(shops)
        .set({
          verificationStatus: decision === "approved" ? "verified" : "rejected",
          verificationNote: note,
          verifiedAt: decision === "approved" ? now : null,
          updatedAt: now,
        })
        .where(eq(shops.id, request.shopId)),
      auditWrite(db, {
        type: decision === "approved" ? "shop_verification_approved" : "shop_verification_rejected",
        userId: request.submittedBy,
        actorId: adminId,
        data: { shopId: request.shopId, verificationId: request.id, ...(note ? { note } : {}) },
      }),
    ]);
  } catch (err) {
    if (isGuardRefusal(err)) {
      throw new ApiError("conflict", "This verification request was already decided. Reload the queue.");
    }
    throw err;
  }
  const shop: ShopRow = await findShop(db, request.shopId);
  const decided = await db.select().from(shopVerifications).where(eq(shopVerifications.id, request.id)).get();
  const documents = await documentsOf(db, shop.id, false);
  return presentRequest(decided ?? request, shop.name, documents);
}
