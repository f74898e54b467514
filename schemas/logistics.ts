import { z } from "@hono/zod-openapi";
import { MoneySchema } from "./platform";

/** A parcel's tracking status (CONTRACT.md "Logistics"): booked → picked_up → in_transit → out_for_delivery → delivered | failed | returned. */
export const SHIPMENT_STATUS = [
  "booked",
  "picked_up",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failed",
  "returned",
  "cancelled",
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUS)[number];
export const ShipmentStatusSchema = z.enum(SHIPMENT_STATUS).openapi("ShipmentStatus");

/** The statuses a courier (or the sandbox simulate) may report; `cancelled` is ours alone. */
export const TRACKING_STATUS = SHIPMENT_STATUS.filter((s) => s !== "cancelled" && s !== "booked") as [
  Exclude<ShipmentStatus, "cancelled" | "booked">,
  ...Exclude<ShipmentStatus, "cancelled" | "booked">[],
];
export type TrackingStatus = (typeof TRACKING_STATUS)[number];

/**
 * What our own sentence under a tracking step says, as a code the reader's page words in its
 * language (the courier's own words carry none and are shown as given). Derived
 * from the couriers whose events we describe ourselves: Flash Express's route actions and parcel
 * states, GHN's order statuses, Biteship's statuses when its courier adds no note. Only ever added to.
 */
export const TRACKING_DETAIL = [
  "picked_up_by_courier",
  "at_branch",
  "left_branch",
  "held",
  "on_the_way_again",
  "on_the_way_again_after_problem",
  "with_courier",
  "at_hub",
  "between_hubs",
  "being_sorted",
  "on_the_way_to_recipient",
  "out_for_delivery",
  "cash_to_collect",
  "delivery_attempt_failed",
  "delivered_to_recipient",
  "being_returned",
  "waiting_to_return",
  "closed_undelivered",
  "lost_or_damaged",
  "lost",
  "damaged",
  "returned_to_shop",
] as const;
export type TrackingDetail = (typeof TRACKING_DETAIL)[number];
export const TrackingDetailSchema = z.enum(TRACKING_DETAIL).openapi("TrackingDetail");

export const CourierServiceSchema = z
  .object({
    code: z.string().openapi({ example: "standard" }),
    name: z.string().openapi({ example: "Standard" }),
    cod: z.boolean().openapi({ description: "Whether cash on delivery is offered with this service" }),
  })
  .openapi("CourierService");

export const CourierSchema = z
  .object({
    id: z.string().openapi({ example: "ninjavan" }),
    name: z.string().openapi({ example: "Ninja Van" }),
    countries: z.array(z.string()).openapi({ example: ["SG", "MY", "PH", "ID", "TH", "VN"] }),
    services: z.array(CourierServiceSchema),
  })
  .openapi("Courier");

export const CourierListSchema = z.object({ items: z.array(CourierSchema) }).openapi("CourierList");

export const CourierQuerySchema = z.object({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, "Use a two-letter ISO 3166 country code such as TH")
    .transform((v) => v.toUpperCase())
    .optional()
    .openapi({ param: { name: "country", in: "query" }, example: "ID" }),
});

export const PackageSchema = z
  .object({
    weightGrams: z.number().int().min(1).max(50_000),
    lengthCm: z.number().int().min(1).max(300).optional(),
    widthCm: z.number().int().min(1).max(300).optional(),
    heightCm: z.number().int().min(1).max(300).optional(),
  })
  .strict()
  .openapi("ShipmentPackage");

export const CreateShipmentSchema = z
  .object({
    courier: z.string().trim().min(1).max(40).openapi({ example: "sandbox" }),
    service: z.string().trim().min(1).max(40).openapi({ example: "standard" }),
    packages: z.array(PackageSchema).min(1).max(10).optional(),
  })
  .strict()
  .openapi("CreateShipment");

export const ShipmentSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    courier: z.string(),
    service: z.string(),
    trackingNumber: z.string(),
    labelUrl: z.string().openapi({ description: "The label PDF; only the shop's owner may fetch it" }),
    status: ShipmentStatusSchema,
    cod: MoneySchema.optional().openapi({ description: "Cash the courier collects on delivery" }),
    pickup: z
      .discriminatedUnion("status", [
        z.object({
          status: z.literal("requested").openapi({ description: "The courier took the pickup" }),
          reference: z.string(),
          from: z.string().openapi({ description: "The pickup window's start" }),
          until: z.string().openapi({ description: "The pickup window's end" }),
        }),
        z.object({
          status: z.literal("waiting").openapi({
            description:
              "The courier takes one open pickup per account and another shop's is open (Flash Express): the platform places this one as soon as the courier takes it",
          }),
          askedAt: z.string().openapi({ description: "When the seller first asked for the pickup" }),
          readyAt: z.string().openapi({ description: "When the parcel is ready to be collected" }),
        }),
      ])
      .optional()
      .openapi({
        description:
          "The courier's pickup, once requested (with the booking for couriers that take it so), or waiting for the courier to take it",
      }),
    createdAt: z.string(),
  })
  .openapi("Shipment");

export const RequestPickupSchema = z
  .object({
    readyAt: z
      .string()
      .datetime({ offset: true })
      .optional()
      .openapi({ description: "When the parcel is ready to be collected (default: now)" }),
  })
  .strict()
  .openapi("RequestPickup");

export const TrackingEventSchema = z
  .object({
    status: ShipmentStatusSchema,
    description: z.string(),
    detail: TrackingDetailSchema.optional().openapi({
      description:
        "Present when `description` is the platform's own sentence rather than the courier's words: what it says, as a code to word in the reader's language",
    }),
    location: z.string().optional(),
    at: z.string(),
  })
  .openapi("TrackingEvent");

export const TrackingSchema = z
  .object({
    shipmentId: z.string(),
    courier: z.string(),
    trackingNumber: z.string(),
    status: ShipmentStatusSchema,
    events: z.array(TrackingEventSchema),
  })
  .openapi("Tracking");

export const SimulateShipmentSchema = z
  .object({
    status: z.enum(TRACKING_STATUS),
    description: z.string().trim().max(200).optional(),
    location: z.string().trim().max(100).optional(),
  })
  .strict()
  .openapi("SimulateShipment");

export const CourierParamSchema = z.object({
  courier: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .openapi({ param: { name: "courier", in: "path" }, example: "ninjavan" }),
});
