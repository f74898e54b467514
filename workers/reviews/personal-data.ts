import { asc, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { reviews } from "../../d1/schema/reviews";
import type { Review } from "../../schemas/reviews";
import type { Database } from "../platform/db";
import { presentReview } from "./store";

/**
 * What reviews hold about their author, for the privacy export and erasure (docs/privacy.md): an
 * erased review keeps its rating (the product's average stays true) and the seller's reply, its
 * title and text go, and its author is the anonymous id of the deleted account ("Deleted user").
 */

export async function reviewsWrittenBy(db: Database, userId: string, displayName: string): Promise<Review[]> {
  const rows = await db.select().from(reviews).where(eq(reviews.userId, userId)).orderBy(asc(reviews.id));
  return rows.map((row) => presentReview(row, displayName));
}

/** The write that erases the texts of the user's reviews, for the caller's batch. */
export function reviewErasureWrites(db: Database, userId: string): BatchItem<"sqlite">[] {
  return [db.update(reviews).set({ title: null, body: "" }).where(eq(reviews.userId, userId))];
}
