import { createRouter } from "../platform/openapi";
import { reportedReviewsHandler, reportedReviewsRoute } from "./routes/admin-reported";
import { reviewVisibilityHandler, reviewVisibilityRoute } from "./routes/admin-visibility";
import { createReviewHandler, createReviewRoute } from "./routes/review-create";
import { replyReviewHandler, replyReviewRoute } from "./routes/review-reply";
import { reportReviewHandler, reportReviewRoute } from "./routes/review-report";
import { listReviewsHandler, listReviewsRoute } from "./routes/reviews-list";

export { reviewErasureWrites, reviewsWrittenBy } from "./personal-data";

/** Product reviews, sellers' replies, reports and their moderation. Rules: rules.ts. */
export const reviewsRouter = createRouter()
  .openapi(listReviewsRoute, listReviewsHandler)
  .openapi(createReviewRoute, createReviewHandler)
  .openapi(replyReviewRoute, replyReviewHandler)
  .openapi(reportReviewRoute, reportReviewHandler)
  .openapi(reportedReviewsRoute, reportedReviewsHandler)
  .openapi(reviewVisibilityRoute, reviewVisibilityHandler);
