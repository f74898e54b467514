import { z } from "@hono/zod-openapi";
import { AddressInputSchema } from "./identity";

/** PATCH /orders/:id/shipping-address: a saved address or one inline, as at checkout. */
export const ChangeShippingAddressSchema = z
  .object({
    shippingAddress: AddressInputSchema.omit({ isPrimary: true }).optional(),
    shippingAddressId: z.string().max(64).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.shippingAddress) !== Boolean(v.shippingAddressId), {
    message: "Send either shippingAddress or shippingAddressId",
    path: ["shippingAddress"],
  })
  .openapi("ChangeShippingAddress");
