import { z } from "@hono/zod-openapi";
import { PageQuerySchema, pageOf } from "./platform";

export const CreateReviewSchema = z
  .object({
    rating: z.number().int().min(1).max(5).openapi({ description: "Whole stars, 1 to 5", example: 5 }),
    title: z.string().trim().min(1).max(120).optional().openapi({ example: "ส่งไว ของแท้" }),
    body: z
      .string()
      .trim()
      .min(1, "Write a few words about the product")
      .max(5000)
      .openapi({ example: "Fast delivery, genuine product, battery lasts two days." }),
  })
  .strict()
  .openapi("CreateReview");

export const ReviewReplyInputSchema = z
  .object({
    body: z.string().trim().min(1, "Write the reply").max(2000).openapi({ example: "Thank you for shopping with us!" }),
  })
  .strict()
  .openapi("ReviewReplyInput");

export const ReviewReportInputSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(3, "Say briefly what is wrong with the review")
      .max(500)
      .openapi({ example: "Spam: advertises another shop" }),
  })
  .strict()
  .openapi("ReviewReportInput");

export const ReviewVisibilityInputSchema = z
  .object({
    hidden: z.boolean().openapi({ description: "true hides the review from everyone; false shows it again" }),
  })
  .strict()
  .openapi("ReviewVisibilityInput");

export const ReviewSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    rating: z.number().int().min(1).max(5),
    title: z.string().nullable(),
    body: z.string(),
    author: z.object({ id: z.string(), displayName: z.string() }),
    verifiedPurchase: z
      .literal(true)
      .openapi({ description: "Always true: only buyers with a delivered order of the product can review it" }),
    sellerReply: z
      .object({ body: z.string(), repliedAt: z.string().datetime() })
      .nullable()
      .openapi({ description: "The shop owner's answer, if any" }),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi("Review");

export const ReviewPageSchema = pageOf(ReviewSchema, "ReviewPage");

export const ReviewReportSchema = z
  .object({ reporterId: z.string(), reason: z.string(), createdAt: z.string().datetime() })
  .openapi("ReviewReport");

export const ModeratedReviewSchema = ReviewSchema.extend({
  hidden: z.boolean(),
  reportCount: z.number().int().openapi({ description: "Reports since an admin last decided on the review" }),
  reports: z.array(ReviewReportSchema).openapi({ description: "The most recent reports (at most 20), newest first" }),
}).openapi("ModeratedReview");

export const ModeratedReviewPageSchema = pageOf(ModeratedReviewSchema, "ModeratedReviewPage");

export const ReportedReviewsQuerySchema = PageQuerySchema.extend({
  state: z
    .enum(["hidden", "visible", "all"])
    .default("all")
    .openapi({
      param: { name: "state", in: "query" },
      description: "hidden: held back by reports, awaiting a decision; visible: reported but still shown",
    }),
});

export type Review = z.infer<typeof ReviewSchema>;
export type ModeratedReview = z.infer<typeof ModeratedReviewSchema>;
