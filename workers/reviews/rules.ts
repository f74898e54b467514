import type { OrderStatus } from "../../schemas/orders";

/**
 * The rules of reviews, in one place.
 *
 * - Only a signed-in buyer with an order of the product that reached `delivered` (or `completed`)
 *   may review it, once (the unique index on (product, user) settles races).
 * - A product's `rating` counts visible reviews only: hiding a review (by reports or by an admin)
 *   takes it out of the average, showing it again puts it back. Every change recomputes the
 *   product's average and count from the reviews in the same D1 batch, so they are always exact.
 * - Reports: any signed-in user other than the author, once per review. At REVIEW_HIDE_AFTER_REPORTS
 *   (a Worker variable, `config.reviews.hideAfterReports`, 3 by default) reports since an admin last
 *   decided, the review is hidden pending an admin's decision.
 *   An admin's decision (hide or show) clears that count; later reports count afresh.
 * - The shop owner may answer a review; answering again replaces the answer (a typo can be fixed).
 */
export const REVIEWABLE_STATUSES = ["delivered", "completed"] as const satisfies readonly OrderStatus[];

/** How many of a review's reports the admin queue shows. */
export const REPORTS_SHOWN = 20;
