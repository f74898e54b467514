import { z } from "@hono/zod-openapi";
import { MoneySchema, PageQuerySchema, pageOf } from "./platform";

/** COD remittances: couriers pay over the cash they collected; operators record it and read the mismatches (docs/logistics.md). */

export const REMITTANCE_MISMATCH_KINDS = [
  "not_remitted",
  "short_paid",
  "over_paid",
  "wrong_currency",
  "duplicate",
  "unknown",
  "cancelled",
  "not_delivered",
  "not_cod",
] as const;

const CourierIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, "Use the courier's id as GET /couriers lists it, e.g. ninjavan")
  .openapi({ example: "ninjavan" });

export const RemittanceItemSchema = z
  .object({
    trackingNumber: z.string().trim().min(1).max(64).openapi({ example: "NVIDTC0A1B2C3" }),
    amount: MoneySchema,
  })
  .strict()
  .openapi("CodRemittanceItem");

export const CreateRemittanceSchema = z
  .object({
    courier: CourierIdSchema,
    reference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .openapi({ description: "The courier's own reference of the remittance", example: "NV-REM-2026-12-05" }),
    remittedAt: z
      .string()
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "When the courier paid it over (default: now)" }),
    items: z.array(RemittanceItemSchema).min(1).max(500),
  })
  .strict()
  .openapi("CreateCodRemittance");

/** A statement sent as CSV names its courier and reference here (a JSON body carries them itself). */
export const RemittanceCsvQuerySchema = z.object({
  courier: CourierIdSchema.optional().openapi({
    param: { name: "courier", in: "query" },
    description: "With a CSV body: the courier whose statement it is",
  }),
  reference: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({
      param: { name: "reference", in: "query" },
      description: "With a CSV body: the courier's own reference of the remittance",
    }),
  remittedAt: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({
      param: { name: "remittedAt", in: "query" },
      description: "With a CSV body: when the courier paid it over (default: now)",
    }),
});

export const RemittanceSummarySchema = z
  .object({
    id: z.string(),
    courier: z.string(),
    reference: z.string(),
    total: MoneySchema,
    itemCount: z.number().int(),
    remittedAt: z.string(),
    recordedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi("CodRemittanceSummary");

export const RemittanceSchema = RemittanceSummarySchema.extend({
  items: z.array(RemittanceItemSchema),
}).openapi("CodRemittance");

/** One line of a recorded remittance, checked against its parcel (the verdict of the mismatch report). */
export const ReconciledItemSchema = RemittanceItemSchema.extend({
  result: z.enum(["matched", ...REMITTANCE_MISMATCH_KINDS]).openapi({
    description: "matched: the parcel was remitted once, in full; otherwise what is wrong with its parcel",
  }),
  orderId: z.string().optional(),
  shipmentId: z.string().optional(),
  shipmentStatus: z.string().optional(),
  expected: MoneySchema.optional().openapi({ description: "The cash the courier collects for the parcel" }),
}).openapi("CodRemittanceLine");

export const RemittanceDetailSchema = RemittanceSummarySchema.extend({
  items: z.array(ReconciledItemSchema),
}).openapi("CodRemittanceDetail");

export const RemittancePageSchema = pageOf(RemittanceSummarySchema, "CodRemittancePage");

export const RemittanceListQuerySchema = PageQuerySchema.extend({
  courier: CourierIdSchema.optional().openapi({ param: { name: "courier", in: "query" } }),
});

export const MismatchQuerySchema = z.object({
  courier: CourierIdSchema.optional().openapi({ param: { name: "courier", in: "query" } }),
  since: z
    .string()
    .datetime({ offset: true })
    .optional()
    .openapi({
      param: { name: "since", in: "query" },
      description: "Shipments booked and remittances recorded from then on (default: 90 days ago)",
    }),
  format: z
    .enum(["json", "csv"])
    .optional()
    .openapi({ param: { name: "format", in: "query" }, description: "csv (or Accept: text/csv) for a spreadsheet" }),
});

export const MismatchSchema = z
  .object({
    kind: z.enum(REMITTANCE_MISMATCH_KINDS),
    courier: z.string(),
    trackingNumber: z.string(),
    shipmentId: z.string().optional(),
    orderId: z.string().optional(),
    shipmentStatus: z.string().optional(),
    expected: MoneySchema.optional().openapi({ description: "The cash the courier collects for the parcel" }),
    remitted: MoneySchema.optional().openapi({ description: "What its first remittance paid over" }),
    remittances: z.array(z.string()).openapi({ description: "The references of the remittances that name it" }),
  })
  .openapi("CodRemittanceMismatch");

export const MismatchReportSchema = z
  .object({
    since: z.string(),
    generatedAt: z.string(),
    matched: z.number().int().openapi({ description: "Parcels remitted once, in full" }),
    counts: z.record(z.string(), z.number().int()),
    items: z.array(MismatchSchema),
  })
  .openapi("CodRemittanceReport");
