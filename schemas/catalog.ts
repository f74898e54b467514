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

const CategoryNames = z
  .object({
    en: z.string().trim().min(1).max(80),
    th: z.string().trim().min(1).max(80).optional(),
    id: z.string().trim().min(1).max(80).optional(),
    vi: z.string().trim().min(1).max(80).optional(),
    ms: z.string().trim().min(1).max(80).optional(),
    fil: z.string().trim().min(1).max(80).optional(),
  })
  .strict()
  .openapi({ example: { en: "Mobile Phones", th: "โทรศัพท์มือถือ", id: "Handphone", vi: "Điện thoại di động" } });

const CategorySlug = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters and digits joined by single hyphens, e.g. mobile-phones");

export const CreateCategorySchema = z
  .object({
    slug: CategorySlug,
    names: CategoryNames,
    parentId: z.string().min(1).max(64).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .openapi("CreateCategory");

export const UpdateCategorySchema = z
  .object({
    slug: CategorySlug.optional(),
    names: CategoryNames.optional(),
    parentId: z.string().min(1).max(64).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change")
  .openapi("UpdateCategory");

/** One category as admins see it: every name, its place in the tree. */
export const AdminCategorySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    names: z.record(z.string(), z.string()),
    parentId: z.string().nullable(),
    position: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi("AdminCategory");
