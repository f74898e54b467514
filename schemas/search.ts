import { z } from "@hono/zod-openapi";
import { ProductFlashSaleSchema } from "./flash-sales";
import { CurrencySchema, LocaleSchema, MoneySchema, PageQuerySchema } from "./platform";

export const SEARCH_SORTS = ["relevance", "newest", "price_asc", "price_desc", "rating", "best_selling"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const MAX_QUERY_CHARS = 200;

const minorUnits = (name: string) =>
  z
    .string()
    .regex(/^\d{1,15}$/, "A whole number of minor units (e.g. 129900 for THB 1,299.00)")
    .transform(Number)
    .optional()
    .openapi({
      param: { name, in: "query" },
      type: "integer",
      description: "Minor units of the product's currency",
      minimum: 0,
      example: name === "minPrice" ? 100_000 : 2_000_000,
    });

export const SearchQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .max(MAX_QUERY_CHARS, `At most ${MAX_QUERY_CHARS} characters`)
    .optional()
    .openapi({
      param: { name: "q", in: "query" },
      description:
        "Words to find, in any language. Empty or missing only together with a filter (categoryId, minPrice, maxPrice, currency or brand), to browse.",
      example: "hp samsung",
    }),
  categoryId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ param: { name: "categoryId", in: "query" }, description: "Includes its sub-categories" }),
  minPrice: minorUnits("minPrice"),
  maxPrice: minorUnits("maxPrice"),
  currency: CurrencySchema.optional().openapi({
    param: { name: "currency", in: "query" },
    description: "Only products priced in this currency (recommended with price filters and price sorts)",
  }),
  brand: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .optional()
    .openapi({ param: { name: "brand", in: "query" }, description: "Exact brand, as in facets.brands[].value" }),
  sort: z
    .enum(SEARCH_SORTS)
    .default("relevance")
    .openapi({ param: { name: "sort", in: "query" } }),
});

export const SearchItemSchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    name: z.string().openapi({ example: "Handphone Samsung Galaxy A55 5G 8/256GB" }),
    price: MoneySchema,
    images: z.array(z.object({ id: z.string(), url: z.string() })).openapi({ description: "May be empty" }),
    rating: z.object({ average: z.number(), count: z.number().int() }),
    available: z.number().int().openapi({ description: "Units in stock (a recent snapshot)" }),
    categoryId: z.string().nullable(),
    brand: z.string().nullable(),
    flashSale: ProductFlashSaleSchema.optional().openapi({
      description:
        "While a flash sale of the product is live: its price (the lowest of its variants' sale prices), end and units left at that price. Gone once the sale ends.",
    }),
  })
  .openapi("SearchItem");

export const SearchResultSchema = z
  .object({
    items: z.array(SearchItemSchema),
    total: z.number().int().openapi({ description: "Products matching the query and filters, all pages together" }),
    facets: z.object({
      categories: z
        .array(z.object({ id: z.string(), count: z.number().int() }))
        .openapi({ description: "Over the whole match set, most frequent first (top 20)" }),
      brands: z
        .array(z.object({ value: z.string(), count: z.number().int() }))
        .openapi({ description: "Over the whole match set, most frequent first (top 20)" }),
    }),
    nextCursor: z.string().nullable(),
  })
  .openapi("SearchResult");

export const AutocompleteQuerySchema = z.object({
  q: z
    .string()
    .max(100, "At most 100 characters")
    .openapi({ param: { name: "q", in: "query" }, example: "sam" }),
});

export const AutocompleteResultSchema = z
  .object({
    suggestions: z
      .array(z.string())
      .max(10)
      .openapi({ example: ["samsung", "samsung galaxy a55"] }),
  })
  .openapi("AutocompleteResult");

const SynonymWord = z.string().trim().min(1).max(60);

export const SynonymInputSchema = z
  .object({
    locale: LocaleSchema,
    term: SynonymWord.openapi({ example: "hp" }),
    synonyms: z
      .array(SynonymWord)
      .min(1)
      .max(20)
      .openapi({ example: ["handphone", "ponsel"] }),
  })
  .strict()
  .openapi("SynonymInput", {
    description: "A one-way rule: searching `term` also finds its synonyms. Add the reverse rule for both ways.",
  });

export const SynonymSchema = z
  .object({
    id: z.string(),
    locale: LocaleSchema,
    term: z.string().openapi({ description: "In its matching form: lower case, without diacritics", example: "hp" }),
    synonyms: z.array(z.string()),
    createdAt: z.string().datetime(),
  })
  .openapi("Synonym");

export const SynonymListQuerySchema = PageQuerySchema.extend({
  locale: LocaleSchema.optional().openapi({ param: { name: "locale", in: "query" } }),
});

export const ReindexInputSchema = z
  .object({
    after: z.string().min(1).max(64).optional().openapi({ description: "`next` of the previous call" }),
    limit: z.number().int().min(1).max(1000).default(200),
    optimize: z.boolean().default(false).openapi({ description: "Merge the index afterwards (after a bulk load)" }),
  })
  .strict()
  .openapi("ReindexInput");

export const ReindexResultSchema = z
  .object({
    indexed: z.number().int(),
    removed: z.number().int(),
    next: z.string().nullable().openapi({ description: "Pass as `after` to go on; null when the catalog is done" }),
  })
  .openapi("ReindexResult");

export type SearchQuery = z.infer<typeof SearchQuerySchema>;
export type SearchResult = z.infer<typeof SearchResultSchema>;
export type SearchItem = z.infer<typeof SearchItemSchema>;
export type Synonym = z.infer<typeof SynonymSchema>;
