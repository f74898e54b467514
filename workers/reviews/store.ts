import { and, desc, eq, gt, lt, or, type SQL, sql } from "drizzle-orm";
import { reviews } from "../../d1/schema/reviews";
import type { ModeratedReview, Review } from "../../schemas/reviews";
import { productOwnerOf, productShopOf, setRating } from "../catalog";
import { displayNameOf } from "../identity";
import type { Database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { REPORTS_SHOWN } from "./rules";

export type ReviewRow = typeof reviews.$inferSelect;

const iso = (ms: number) => new Date(ms).toISOString();

/** Shown for an author whose account row is gone (accounts are normally kept, anonymised). */
const UNKNOWN_AUTHOR = "Tchat user";

/**
 * The product's rating from its visible reviews: one UPDATE whose values are aggregates over the
 * product's reviews, meant to run in the same db.batch as the change to the reviews. D1 runs a
 * batch as one transaction, so concurrent reviews each recompute from everything committed before
 * them and the figures never drift (nothing is incremented).
 */
export function recomputeRating(db: Database, productId: string) {
  const visible = sql`FROM ${reviews} WHERE ${reviews.productId} = ${productId} AND ${reviews.hidden} = 0`;
  return setRating(db, productId, {
    average: sql<number>`(SELECT COALESCE(AVG(${reviews.rating}), 0) ${visible})`,
    count: sql<number>`(SELECT COUNT(*) ${visible})`,
  });
}

export function presentReview(row: ReviewRow, displayName: string | null): Review {
  return {
    id: row.id,
    productId: row.productId,
    rating: row.rating,
    title: row.title,
    body: row.body,
    author: { id: row.userId, displayName: displayName ?? UNKNOWN_AUTHOR },
    verifiedPurchase: true,
    sellerReply:
      row.sellerReply !== null && row.sellerRepliedAt !== null
        ? { body: row.sellerReply, repliedAt: iso(row.sellerRepliedAt) }
        : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export interface ReviewContext {
  review: ReviewRow;
  displayName: string | null;
  shopId: string;
  ownerId: string;
}

/** A review with its author's name and its product's shop and owner: one query. 404 when there is none. */
export async function loadReview(db: Database, id: string): Promise<ReviewContext> {
  const row = await db
    .select({
      review: reviews,
      displayName: displayNameOf(reviews.userId),
      shopId: productShopOf(reviews.productId),
      ownerId: productOwnerOf(reviews.productId),
    })
    .from(reviews)
    .where(eq(reviews.id, id))
    .get();
  if (!row || row.shopId === null || row.ownerId === null)
    throw new ApiError("not_found", "There is no review with this id.");
  return { review: row.review, displayName: row.displayName, shopId: row.shopId, ownerId: row.ownerId };
}

export type ModerationState = "hidden" | "visible" | "all";

/** The reviews in the moderation queue: reported since the last decision, or hidden. */
function moderationFilter(state: ModerationState): SQL | undefined {
  const reported = gt(reviews.reportCount, 0);
  const hidden = eq(reviews.hidden, true);
  switch (state) {
    case "hidden":
      return hidden;
    case "visible":
      return and(reported, eq(reviews.hidden, false));
    case "all":
      return or(reported, hidden);
  }
}

/**
 * Reviews as admins see them, newest first, each with its latest reports (a correlated subquery
 * builds them as JSON, so a page is one query whatever its size).
 */
export function moderatedReviews(
  db: Database,
  options: { state: ModerationState; before?: string; id?: string; limit: number },
) {
  const latestReports = sql<string>`(SELECT json_group_array(json_object('reporterId', r.reporter_id, 'reason', r.reason, 'createdAt', r.created_at))
    FROM (SELECT reporter_id, reason, created_at FROM review_reports
          WHERE review_id = ${reviews.id} ORDER BY created_at DESC, reporter_id LIMIT ${REPORTS_SHOWN}) AS r)`;
  return db
    .select({ review: reviews, displayName: displayNameOf(reviews.userId), reports: latestReports })
    .from(reviews)
    .where(
      options.id
        ? eq(reviews.id, options.id)
        : and(moderationFilter(options.state), options.before ? lt(reviews.id, options.before) : undefined),
    )
    .orderBy(desc(reviews.id))
    .limit(options.limit);
}

/** A review with its author's name and its latest reports (JSON), as moderatedReviews reads it. */
export interface ModeratedRow {
  review: ReviewRow;
  displayName: string | null;
  reports: string | null;
}

export function presentModerated(row: ModeratedRow) {
  const reports = JSON.parse(row.reports ?? "[]") as { reporterId: string; reason: string; createdAt: number }[];
  const moderated: ModeratedReview = {
    ...presentReview(row.review, row.displayName),
    hidden: row.review.hidden,
    reportCount: row.review.reportCount,
    reports: reports.map((r) => ({ reporterId: r.reporterId, reason: r.reason, createdAt: iso(r.createdAt) })),
  };
  return moderated;
}
