import { z } from "@hono/zod-openapi";
import { ProductFlashSaleSchema } from "./flash-sales";
import { CurrencySchema, MoneySchema, PageQuerySchema, queryInt } from "./platform";

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

export const PRODUCT_SORTS = ["newest", "price_asc", "price_desc", "rating", "best_selling"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** At most this many variants per product: each is one Inventory object read on every product view. */
export const MAX_VARIANTS = 50;
const MAX_STOCK = 10_000_000;

/** A price as sent by a seller: Money with a positive amount (currency and rounding checked per shop). */
export const PriceInputSchema = z
  .object({
    amount: z.number().int().safe().min(1, "A price is at least 1 minor unit").openapi({ example: 129900 }),
    currency: CurrencySchema,
  })
  .strict()
  .openapi("PriceInput");

const Sku = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, "Letters, digits and . _ - / only, starting with a letter or digit")
  .openapi({ example: "SM-A55-8-256-NAVY" });

const Attributes = z
  .record(z.string().trim().min(1).max(40), z.string().trim().max(200))
  .refine((v) => Object.keys(v).length <= 30, "At most 30 attributes")
  .openapi({ example: { color: "Awesome Navy", storage: "256GB" } });

const Stock = z.number().int().min(0).max(MAX_STOCK);

export const DimensionsSchema = z
  .object({
    lengthMm: z.number().int().min(1).max(10_000),
    widthMm: z.number().int().min(1).max(10_000),
    heightMm: z.number().int().min(1).max(10_000),
  })
  .strict()
  .openapi("Dimensions", { description: "Parcel size in millimetres, for shipping quotes" });

const ProductName = z.string().trim().min(2).max(200).openapi({ example: "Handphone Samsung Galaxy A55 5G 8/256GB" });
const Description = z.string().trim().max(5000).openapi({ example: "Garansi resmi SEIN 1 tahun." });
const Brand = z.string().trim().min(1).max(80).openapi({ example: "Samsung" });
const WeightGrams = z.number().int().min(1).max(1_000_000);

export const VariantInputSchema = z
  .object({
    sku: Sku,
    name: z.string().trim().min(1).max(100).openapi({ example: "Navy, 8/256GB" }),
    price: PriceInputSchema.optional().openapi({ description: "Overrides the product's price" }),
    stock: Stock.openapi({ description: "Initial on-hand stock of this variant" }),
    attributes: Attributes.optional(),
  })
  .strict()
  .openapi("VariantInput");

export const CreateProductSchema = z
  .object({
    shopId: z.string().min(1).max(64),
    name: ProductName,
    description: Description,
    categoryId: z.string().min(1).max(64).optional(),
    brand: Brand.optional(),
    sku: Sku,
    price: PriceInputSchema,
    stock: Stock.openapi({
      description: "Initial on-hand stock. With variants, each variant's own stock is used instead.",
    }),
    attributes: Attributes.optional(),
    variants: z.array(VariantInputSchema).max(MAX_VARIANTS).optional(),
    status: z.enum(["draft", "active"]).optional().openapi({ description: "Default active" }),
    weightGrams: WeightGrams.optional(),
    dimensions: DimensionsSchema.optional(),
  })
  .strict()
  .openapi("CreateProduct");

export const VariantPatchSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .openapi({ description: "An existing variant to keep; omit for a new one" }),
    sku: Sku,
    name: z.string().trim().min(1).max(100),
    price: PriceInputSchema.nullable().optional(),
    stock: Stock.optional().openapi({
      description: "Initial stock of a new variant (PUT /inventory changes it later)",
    }),
    attributes: Attributes.optional(),
  })
  .strict()
  .openapi("VariantPatch");

export const UpdateProductSchema = z
  .object({
    name: ProductName.optional(),
    description: Description.optional(),
    categoryId: z.string().min(1).max(64).nullable().optional(),
    brand: Brand.nullable().optional(),
    sku: Sku.optional(),
    price: PriceInputSchema.optional(),
    status: z.enum(["draft", "active", "archived"]).optional(),
    attributes: Attributes.optional(),
    weightGrams: WeightGrams.nullable().optional(),
    dimensions: DimensionsSchema.nullable().optional(),
    variants: z
      .array(VariantPatchSchema)
      .max(MAX_VARIANTS)
      .optional()
      .openapi({ description: "The full new list: variants not listed are removed" }),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Send at least one field to change")
  .openapi("UpdateProduct");

export const ProductImageSchema = z
  .object({ id: z.string(), url: z.string().openapi({ example: "https://api.tchat.example/api/v1/media/med_01J..." }) })
  .openapi("ProductImage");

export const ProductVariantSchema = z
  .object({
    id: z.string(),
    sku: z.string(),
    name: z.string(),
    price: MoneySchema.openapi({ description: "The variant's own price, or the product's" }),
    attributes: z.record(z.string(), z.string()),
    available: z.number().int().optional().openapi({ description: "Live stock; on single-product reads only" }),
    flashSale: ProductFlashSaleSchema.optional().openapi({
      description: "The variant's flash sale while it is live (single reads and lists alike)",
    }),
  })
  .openapi("ProductVariant");

export const ProductSchema = z
  .object({
    id: z.string(),
    shopId: z.string(),
    name: z.string(),
    slug: z.string().openapi({ example: "handphone-samsung-galaxy-a55-5g-8-256gb" }),
    description: z.string(),
    categoryId: z.string().nullable(),
    brand: z.string().nullable(),
    sku: z.string(),
    price: MoneySchema,
    status: z.enum(["draft", "active", "archived"]),
    images: z.array(ProductImageSchema),
    variants: z.array(ProductVariantSchema),
    rating: z.object({ average: z.number(), count: z.number().int() }),
    available: z.number().int().openapi({
      description: "Units that can be bought now: live from Inventory on single reads, a recent snapshot in lists",
    }),
    flashSale: ProductFlashSaleSchema.optional().openapi({
      description:
        "While a flash sale of the product (without variants) is live: its price, end and units left at that price, read live on single reads and lists alike. Gone once the sale ends.",
    }),
    attributes: z.record(z.string(), z.string()),
    weightGrams: z.number().int().nullable(),
    dimensions: DimensionsSchema.nullable(),
    soldCount: z.number().int(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
    deletedAt: z.string().datetime().optional().openapi({ description: "Set on deleted products (owner only)" }),
  })
  .openapi("Product");

const priceBound = (name: string) =>
  queryInt({ min: 0 })
    .optional()
    .openapi({ param: { name, in: "query" }, description: "Minor units of the product's currency" });

const queryId = (name: string) =>
  z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({ param: { name, in: "query" } });

export const ProductListQuerySchema = PageQuerySchema.extend({
  shopId: queryId("shopId"),
  categoryId: queryId("categoryId").openapi({ description: "Includes its sub-categories" }),
  minPrice: priceBound("minPrice"),
  maxPrice: priceBound("maxPrice"),
  currency: CurrencySchema.optional().openapi({ param: { name: "currency", in: "query" } }),
  sort: z
    .enum(PRODUCT_SORTS)
    .default("newest")
    .openapi({ param: { name: "sort", in: "query" } }),
});

export const InventoryLevelSchema = z
  .object({
    productId: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    variants: z
      .array(
        z.object({
          variantId: z.string(),
          sku: z.string(),
          onHand: z.number().int(),
          reserved: z.number().int(),
          available: z.number().int(),
        }),
      )
      .openapi({
        description: "Per-variant levels (empty for a product without variants); the top level is their sum",
      }),
  })
  .openapi("InventoryLevel");

export const SetInventorySchema = z
  .object({
    onHand: Stock,
    lowStockThreshold: z.number().int().min(0).max(MAX_STOCK).optional(),
    variantId: z.string().min(1).max(64).optional().openapi({ description: "Required for a product with variants" }),
  })
  .strict()
  .openapi("SetInventory");

export type Product = z.infer<typeof ProductSchema>;
export type ProductVariant = z.infer<typeof ProductVariantSchema>;
export type CreateProductInput = z.infer<typeof CreateProductSchema>;
export type UpdateProductInput = z.infer<typeof UpdateProductSchema>;
export type InventoryLevel = z.infer<typeof InventoryLevelSchema>;
export type ProductListQuery = z.infer<typeof ProductListQuerySchema>;
export type SetInventoryInput = z.infer<typeof SetInventorySchema>;
export type CreateCategoryInput = z.infer<typeof CreateCategorySchema>;
export type UpdateCategoryInput = z.infer<typeof UpdateCategorySchema>;
