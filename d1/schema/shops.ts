import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const SHOP_VERIFICATION = ["pending", "verified", "rejected"] as const;

/** A seller's shop (the seeds' Business). Ownership is checked against `ownerId`, never a role. */
export const shops = sqliteTable(
  "shops",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    category: text("category").notNull(),
    country: text("country").notNull(),
    currency: text("currency").notNull(),
    /** Business contact (phone, email, address) as encrypted JSON. */
    contactEnc: text("contact_enc"),
    verificationStatus: text("verification_status", { enum: SHOP_VERIFICATION }).notNull(),
    verificationNote: text("verification_note"),
    verifiedAt: integer("verified_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("shops_owner").on(t.ownerId), index("shops_country").on(t.country, t.id)],
);

export const SHOP_VERIFICATION_REQUEST = ["pending", "approved", "rejected"] as const;

/**
 * A business verification document (registration, tax id, an owner's id card): bytes in R2 under
 * `shop-documents/<shopId>/<id>`, a private prefix no public route serves; only the shop's owner
 * and admins read them back, through the shop's own route.
 */
export const shopDocuments = sqliteTable(
  "shop_documents",
  {
    id: text("id").primaryKey(),
    shopId: text("shop_id").notNull(),
    uploaderId: text("uploader_id").notNull(),
    r2Key: text("r2_key").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** The verification request that carried it, once submitted. */
    verificationId: text("verification_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("shop_documents_shop").on(t.shopId, t.id), index("shop_documents_request").on(t.verificationId)],
);

/** An owner's request to be verified, with its documents, and the admin's decision on it. */
export const shopVerifications = sqliteTable(
  "shop_verifications",
  {
    id: text("id").primaryKey(),
    shopId: text("shop_id").notNull(),
    submittedBy: text("submitted_by").notNull(),
    status: text("status", { enum: SHOP_VERIFICATION_REQUEST }).notNull(),
    /** What the owner tells the reviewer (e.g. which document is which). */
    message: text("message"),
    reviewNote: text("review_note"),
    reviewedBy: text("reviewed_by"),
    reviewedAt: integer("reviewed_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("shop_verifications_status").on(t.status, t.createdAt, t.id),
    index("shop_verifications_shop").on(t.shopId, t.createdAt),
    // One open request per shop, however many submissions race.
    uniqueIndex("shop_verifications_one_pending").on(t.shopId).where(sql`status = 'pending'`),
  ],
);
