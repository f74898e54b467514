import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const ERASURE_STEPS = ["chat", "uploads", "orders", "done"] as const;

export type ErasureStep = (typeof ERASURE_STEPS)[number];

/**
 * Account erasures still under way. DELETE /users/me erases what D1 holds in one batch and writes
 * this row in it; the rest (the chat rooms' messages, uploaded files in R2, the addresses of orders
 * still on their way) is done by steps that record their progress here, so a run that dies is
 * resumed by the next (the minute cron) where it stopped. `lease_until` keeps two runs apart.
 */
export const accountErasures = sqliteTable(
  "account_erasures",
  {
    userId: text("user_id").primaryKey(),
    step: text("step", { enum: ERASURE_STEPS }).notNull(),
    /** Within the step: the last dialog id whose room is done. */
    cursor: text("cursor"),
    leaseUntil: integer("lease_until").notNull().default(0),
    requestedAt: integer("requested_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    completedAt: integer("completed_at"),
  },
  (t) => [index("account_erasures_open").on(t.completedAt, t.leaseUntil)],
);

/**
 * The PII key rotation's progress: per key id (the key rows are re-encrypted to) and target (a
 * table, or the chat rooms), the last row key done. A run continues from here; a new key starts over.
 */
export const piiRotationCursors = sqliteTable(
  "pii_rotation_cursors",
  {
    keyId: text("key_id").notNull(),
    target: text("target").notNull(),
    cursor: text("cursor"),
    rewritten: integer("rewritten").notNull().default(0),
    unreadable: integer("unreadable").notNull().default(0),
    doneAt: integer("done_at"),
    startedAt: integer("started_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.target] })],
);
