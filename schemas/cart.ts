import { z } from "@hono/zod-openapi";
import { CurrencySchema, MoneySchema } from "./platform";

/** The most units of one line (and of one request). */
export const MAX_CART_QUANTITY = 99;

const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "Use the id exactly as the API returned it");

export const AddCartItemSchema = z
  .object({
    productId: Id.openapi({ example: "prd_01JD3Q8W5R0000000000000000" }),
    variantId: Id.optional().openapi({ description: "Required when the product has variants" }),
    quantity: z.number().int().min(1).max(MAX_CART_QUANTITY).openapi({ example: 2 }),
  })
  .strict()
  .openapi("AddCartItem");

export const UpdateCartItemSchema = z
  .object({
    quantity: z
      .number()
      .int()
      .min(0)
      .max(MAX_CART_QUANTITY)
      .openapi({ example: 3, description: "The line's new quantity; 0 removes the line" }),
  })
  .strict()
  .openapi("UpdateCartItem");

export const CartItemParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "cli_01JD3Q8W5R0000000000000000" }),
});

/** Documents X-Cart-Token (headers are case-insensitive) on cart requests; resolveCart checks it (malformed: 422). */
export const CartTokenHeaderSchema = z.object({
  "x-cart-token": z.string().optional().openapi({
    description:
      "Guests: the token from an earlier response's X-Cart-Token. Without it (and without a Bearer token) a new guest cart is started.",
  }),
});

export const CartTokenResponseHeaders = z.object({
  "X-Cart-Token": z.string().optional().openapi({
    description: "Guests only: the token naming this guest cart (new when the request had none). Send it back.",
  }),
});

export const CartItemSchema = z
  .object({
    id: z.string().openapi({ example: "cli_01JD3Q8W5R0000000000000000" }),
    productId: z.string(),
    variantId: z.string().optional(),
    name: z.string().openapi({ example: "Handphone Samsung Galaxy A55 5G 8/256GB" }),
    variantName: z.string().optional().openapi({ example: "Navy, 8/256GB" }),
    sku: z.string().nullable().openapi({ description: "null when the product no longer exists" }),
    shopId: z.string().nullable(),
    image: z.string().nullable().openapi({ description: "URL of the product's first image" }),
    quantity: z.number().int(),
    unitPrice: MoneySchema.openapi({ description: "Current catalog price (the variant's, else the product's)" }),
    lineTotal: MoneySchema.openapi({ description: "unitPrice × quantity" }),
    available: z.number().int().openapi({ description: "Units in stock now (0 when no longer for sale)" }),
    purchasable: z.boolean().openapi({
      description: "false when the product was archived, deleted or changed so this line can't be bought",
    }),
    priceChanged: z
      .boolean()
      .openapi({ description: "The price differs from the one seen when the line was added or last validated" }),
    addedAt: z.string().datetime(),
  })
  .openapi("CartItem");

export const CartSchema = z
  .object({
    id: z.string().openapi({ description: "Opaque cart id" }),
    items: z.array(CartItemSchema),
    subtotal: MoneySchema.nullable().openapi({
      description: "Sum of lineTotal over purchasable lines; null while the cart is empty (it has no currency yet)",
    }),
    itemCount: z.number().int().openapi({ description: "Units in the cart (sum of quantities)" }),
    currency: CurrencySchema.nullable().openapi({ description: "Set by the first line; null while empty" }),
    updatedAt: z.string().datetime().nullable().openapi({ description: "Last change; null for a cart never used" }),
    expiresAt: z
      .string()
      .datetime()
      .nullable()
      .openapi({ description: "30 days after the last change the cart is deleted; null for a cart never used" }),
  })
  .openapi("Cart");

export const CART_PROBLEM_CODES = ["out_of_stock", "price_changed", "unavailable"] as const;

export const CartProblemSchema = z
  .object({
    itemId: z.string(),
    code: z.enum(CART_PROBLEM_CODES),
    available: z.number().int().optional().openapi({ description: "out_of_stock: units in stock now" }),
    previousUnitPrice: MoneySchema.optional().openapi({ description: "price_changed: the price seen before" }),
    unitPrice: MoneySchema.optional().openapi({ description: "price_changed: the price now" }),
  })
  .openapi("CartProblem");

export const CartValidationSchema = z
  .object({
    valid: z.boolean(),
    problems: z.array(CartProblemSchema),
    cart: CartSchema.openapi({ description: "The cart after validation (new prices recorded)" }),
  })
  .openapi("CartValidation");
