import { z } from "@hono/zod-openapi";
import { MoneySchema, queryInt } from "./platform";

export const MAX_RECOMMENDATIONS = 50;
export const DEFAULT_RECOMMENDATIONS = 12;

export const RECOMMENDATION_SOURCES = ["trending", "popular", "similar", "bought_together", "personal"] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

export const ProductSummarySchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    name: z.string(),
    slug: z.string(),
    categoryId: z.string().nullable(),
    brand: z.string().nullable(),
    price: MoneySchema,
    rating: z.object({ average: z.number(), count: z.number().int() }),
    available: z.number().int().openapi({ description: "Units in stock (a recent snapshot)" }),
    soldCount: z.number().int(),
    image: z
      .object({ id: z.string(), url: z.string() })
      .nullable()
      .openapi({ description: "The product's first image, if it has one" }),
  })
  .openapi("ProductSummary");

export const RecommendationsSchema = z
  .object({
    items: z.array(ProductSummarySchema),
    source: z.enum(RECOMMENDATION_SOURCES).openapi({
      description:
        "Where the list comes from. The endpoint's own signal (similar, bought_together, personal; trending for /trending) when there was enough of it; `trending` when it was too thin and the list fell back to what is trending; `popular` when even trending had no recent signal (best sellers). Own items always come first; short lists are topped up from trending.",
    }),
  })
  .openapi("Recommendations");

const limit = queryInt({ min: 1, max: MAX_RECOMMENDATIONS })
  .default(DEFAULT_RECOMMENDATIONS)
  .openapi({ param: { name: "limit", in: "query" }, example: DEFAULT_RECOMMENDATIONS });

export const RecommendationLimitQuerySchema = z.object({ limit });

export const TrendingQuerySchema = z.object({
  categoryId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ param: { name: "categoryId", in: "query" }, description: "Includes its sub-categories" }),
  limit,
});

export type ProductSummary = z.infer<typeof ProductSummarySchema>;
export type Recommendations = z.infer<typeof RecommendationsSchema>;
