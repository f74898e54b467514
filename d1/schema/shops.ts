import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

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
