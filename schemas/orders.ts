import { z } from "@hono/zod-openapi";

import { AddressInputSchema, AddressSchema } from "./identity";
import { MoneySchema } from "./platform";

export const ORDER_STATUS = [
  "pending_payment",
  "paid",
  "processing",
  "shipped",
  "delivered",
  "completed",
  "cancelled",
  "expired",
  "returned",
  "refunded",
] as const;
export type OrderStatus = (typeof ORDER_STATUS)[number];
export const PAYMENT_STATUS = ["unpaid", "pending", "paid", "failed", "refunded", "partially_refunded"] as const;

export const OrderStatusSchema = z.enum(ORDER_STATUS).openapi("OrderStatus");

export const OrderItemSchema = z
  .object({
    productId: z.string(),
    variantId: z.string().optional(),
    name: z.string(),
    sku: z.string(),
    quantity: z.number().int(),
    unitPrice: MoneySchema,
    lineTotal: MoneySchema,
  })
  .openapi("OrderItem");

export const ShippingSchema = z
  .object({
    optionId: z.string(),
    courier: z.string(),
    service: z.string(),
    etd: z.string().optional(),
    trackingNumber: z.string().optional(),
    book: z
      .object({ courier: z.string(), service: z.string() })
      .optional()
      .openapi({
        description:
          "The courier and service a seller books for the chosen option (ids and codes of GET /couriers); absent for an option no longer offered",
        example: { courier: "ninjavan", service: "express" },
      }),
  })
  .openapi("OrderShipping");

export const OrderSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: "TH-261122-7K3QDX" }),
    shopId: z.string(),
    customerId: z.string().nullable(),
    status: OrderStatusSchema,
    items: z.array(OrderItemSchema),
    subtotal: MoneySchema,
    shippingCost: MoneySchema,
    tax: MoneySchema,
    discount: MoneySchema,
    total: MoneySchema,
    currency: z.string(),
    /** Null once erased: the buyer deleted their account and the order no longer travels to them. */
    shippingAddress: AddressSchema.omit({ id: true, isPrimary: true })
      .extend({ label: z.string().optional() })
      .nullable(),
    shipping: ShippingSchema,
    paymentStatus: z.enum(PAYMENT_STATUS),
    voucherCode: z.string().optional(),
    reservationExpiresAt: z.string().datetime(),
    createdAt: z.string().datetime(),
    updatedAt: z.string().datetime(),
  })
  .openapi("Order");

export const CreateOrdersSchema = z
  .object({
    shippingAddress: AddressInputSchema.omit({ isPrimary: true }).optional(),
    shippingAddressId: z.string().max(64).optional(),
    shippingOptionId: z.string().max(64).optional(),
    voucherCode: z.string().trim().min(1).max(40).optional(),
    voucherCodes: z.array(z.string().trim().min(1).max(40)).max(2).optional().openapi({
      description:
        "Beyond the contract: up to one shop voucher and one platform voucher, stacked (README, 'Vouchers'). voucherCode counts as one of them.",
    }),
    contactEmail: z.string().trim().email().max(254).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.shippingAddress) !== Boolean(v.shippingAddressId), {
    message: "Send either shippingAddress or shippingAddressId",
    path: ["shippingAddress"],
  })
  .openapi("CreateOrders");

export const OrdersCreatedSchema = z.object({ orders: z.array(OrderSchema) }).openapi("OrdersCreated");

export const TimelineSchema = z
  .object({
    items: z.array(
      z.object({
        type: z.string(),
        at: z.string().datetime(),
        actor: z.object({ type: z.string(), id: z.string().nullable() }),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi("OrderTimeline");

export const UpdateOrderStatusSchema = z
  .object({
    status: OrderStatusSchema,
    trackingNumber: z.string().trim().min(3).max(64).optional(),
    courier: z.string().trim().min(2).max(40).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .openapi("UpdateOrderStatus");

export const CancelOrderSchema = z
  .object({ reason: z.string().trim().max(500).optional() })
  .strict()
  .openapi("CancelOrder");

/** One shop's order as the checkout would write it now (POST /checkout/quote): nothing is held. */
export const QuotedOrderSchema = z
  .object({
    shopId: z.string(),
    shopName: z.string().optional(),
    items: z.array(OrderItemSchema),
    shipping: ShippingSchema.omit({ trackingNumber: true }).openapi({
      description: "The shipping option the checkout would choose (shippingOptionId, else the cheapest)",
    }),
    subtotal: MoneySchema,
    shippingCost: MoneySchema,
    tax: MoneySchema,
    discount: MoneySchema,
    total: MoneySchema,
    currency: z.string(),
  })
  .openapi("QuotedOrder");

export const CheckoutQuoteSchema = z
  .object({
    orders: z.array(QuotedOrderSchema),
    subtotal: MoneySchema,
    shippingCost: MoneySchema,
    tax: MoneySchema,
    discount: MoneySchema,
    total: MoneySchema,
    currency: z.string(),
    voucher: z
      .object({
        code: z.string().openapi({ description: "The voucher's code as stored (upper case)" }),
        applied: z.boolean().openapi({ description: "Whether it discounts this cart (false: a discount of zero)" }),
      })
      .optional()
      .openapi({ description: "Present when voucherCode was sent and is valid for this cart" }),
    vouchers: z
      .array(
        z.object({
          code: z.string(),
          applied: z.boolean(),
          discount: MoneySchema.openapi({ description: "What this voucher takes off the whole checkout" }),
        }),
      )
      .optional()
      .openapi({
        description: "Each voucher code sent (voucherCode, then voucherCodes), when all are valid for this cart",
      }),
  })
  .openapi("CheckoutQuote");
