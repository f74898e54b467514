import { z } from "@hono/zod-openapi";
import { PageQuerySchema } from "./platform";

export const ShopDocumentSchema = z
  .object({
    id: z.string().openapi({ example: "sdoc_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
    shopId: z.string(),
    contentType: z.string().openapi({ example: "application/pdf" }),
    size: z.number().int(),
    url: z.string().openapi({
      description: "Private: serves the shop's owner and admins only, with their bearer token; never a public link",
      example: "/api/v1/shops/shp_01JD3Q5W8T2M4V6X8Z0B2D4F6H/verification/documents/sdoc_01JD3Q5W8T2M4V6X8Z0B2D4F6H",
    }),
    verificationId: z.string().nullable().openapi({ description: "The request that carried it, once submitted" }),
    createdAt: z.string().datetime(),
  })
  .openapi("ShopDocument");

export const ShopVerificationRequestSchema = z
  .object({
    id: z.string().openapi({ example: "svr_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
    shopId: z.string(),
    shopName: z.string(),
    status: z.enum(["pending", "approved", "rejected"]),
    message: z.string().nullable(),
    documents: z.array(ShopDocumentSchema),
    reviewNote: z.string().nullable(),
    reviewedAt: z.string().datetime().nullable(),
    createdAt: z.string().datetime(),
  })
  .openapi("ShopVerificationRequest");

export const ShopVerificationStateSchema = z
  .object({
    shopId: z.string(),
    verificationStatus: z.enum(["pending", "verified", "rejected"]),
    verifiedAt: z.string().datetime().nullable(),
    latestRequest: ShopVerificationRequestSchema.nullable(),
    unsubmittedDocuments: z.array(ShopDocumentSchema).openapi({ description: "Uploaded, not yet sent with a request" }),
  })
  .openapi("ShopVerificationState");

export const SubmitVerificationSchema = z
  .object({
    documentIds: z
      .array(z.string().min(1).max(64))
      .min(1, "Send at least one document id from POST /shops/{id}/verification/documents")
      .max(20),
    message: z.string().trim().max(1000).optional().openapi({ example: "Business registration and tax certificate" }),
  })
  .strict()
  .openapi("SubmitShopVerification");

export const ReviewVerificationSchema = z
  .object({
    note: z.string().trim().max(500).optional().openapi({ example: "Registration number matches" }),
  })
  .strict()
  .openapi("ReviewShopVerification");

export const VerificationQueueQuerySchema = PageQuerySchema.extend({
  status: z
    .enum(["pending", "approved", "rejected"])
    .default("pending")
    .openapi({ param: { name: "status", in: "query" } }),
});

export const ShopDocumentParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" } }),
  documentId: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "documentId", in: "path" } }),
});

export type ShopDocument = z.infer<typeof ShopDocumentSchema>;
export type ShopVerificationRequest = z.infer<typeof ShopVerificationRequestSchema>;
