import { z } from "@hono/zod-openapi";

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  children: CategoryNode[];
}

export const CategorySchema: z.ZodType<CategoryNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      slug: z.string().openapi({ example: "mobile-phones" }),
      name: z.string().openapi({ example: "Mobile Phones" }),
      parentId: z.string().nullable(),
      children: z.array(CategorySchema),
    }),
  )
  .openapi("Category");

export const CategoryTreeSchema = z.object({ items: z.array(CategorySchema) }).openapi("CategoryTree");

export const LocaleQuerySchema = z.object({
  locale: z
    .string()
    .max(35)
    .optional()
    .openapi({
      param: { name: "locale", in: "query" },
      description: "th, en, id, ms, fil or vi (default: Accept-Language)",
    }),
});
