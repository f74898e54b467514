import { z } from "@hono/zod-openapi";
import { MoneySchema } from "./platform";

export const NOTIFICATION_CATEGORY_VALUES = ["orders", "chat", "payments", "promotions", "security"] as const;
export const NotificationCategorySchema = z.enum(NOTIFICATION_CATEGORY_VALUES).openapi("NotificationCategory");

/** One notification as the inbox shows it, in the reader's language. */
export const NotificationSchema = z
  .object({
    id: z.string().openapi({ example: "ntf_01JD3Q8M2X4N6P8R0T2V4X6Z8B" }),
    type: z
      .string()
      .openapi({ example: "order.paid", description: "What happened; clients pick an icon and a screen by it" }),
    category: NotificationCategorySchema,
    title: z.string().openapi({ example: "ชำระเงินแล้ว: คำสั่งซื้อ TH-260305-0001" }),
    body: z.string(),
    data: z.record(z.string(), z.unknown()).openapi({
      description: "Ids to open the right screen, e.g. { orderId, number }",
      example: { orderId: "ord_01" },
    }),
    read: z.boolean(),
    createdAt: z.string().datetime(),
  })
  .openapi("Notification");

export const NotificationListQuerySchema = z.object({
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .openapi({ param: { name: "unread", in: "query" }, description: "true: only unread ones" }),
});

export const UnreadCountSchema = z.object({ count: z.number().int().min(0) }).openapi("UnreadCount");

export const NotificationIdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "ntf_01JD3Q8M2X4N6P8R0T2V4X6Z8B" }),
});

export const DeliverySchema = z
  .object({
    channel: z.enum(["inApp", "sms", "email", "push"]),
    status: z.enum(["pending", "sent", "delivered", "failed", "expired"]),
    attempts: z.number().int(),
    scheduledFor: z.string().datetime().nullable().openapi({ description: "Deferred past quiet hours until then" }),
    deliveredAt: z
      .string()
      .datetime()
      .nullable()
      .openapi({ description: "When the provider, the realtime stream or the device confirmed it arrived" }),
    updatedAt: z.string().datetime(),
  })
  .openapi("NotificationDelivery");

export const NotificationDetailSchema = NotificationSchema.extend({ deliveries: z.array(DeliverySchema) }).openapi(
  "NotificationDetail",
);

// ---------------------------------------------------------------- preferences

const ChannelsSchema = z
  .object({ sms: z.boolean(), email: z.boolean(), push: z.boolean(), inApp: z.boolean() })
  .openapi("NotificationChannels");
const CategoriesSchema = z
  .object({ orders: z.boolean(), chat: z.boolean(), payments: z.boolean(), promotions: z.boolean() })
  .openapi("NotificationCategories");

const Clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use 24-hour HH:MM, e.g. 22:00")
  .openapi({ example: "22:00" });

export const QuietHoursSchema = z
  .object({
    start: Clock,
    end: Clock.openapi({ example: "07:00" }),
    timezone: z.string().optional().openapi({
      example: "Asia/Bangkok",
      description: "Read only: the user's time zone (PATCH /users/me changes it)",
    }),
  })
  .openapi("QuietHours", {
    description:
      "Push and SMS that are not urgent wait until `end`; in-app and email arrive silently at once. Security alerts are never held.",
  });

export const PreferencesSchema = z
  .object({
    channels: ChannelsSchema,
    categories: CategoriesSchema,
    quietHours: QuietHoursSchema.nullable(),
  })
  .openapi("NotificationPreferences");

export const PreferencesInputSchema = z
  .object({
    channels: ChannelsSchema.partial().strict().optional(),
    categories: CategoriesSchema.partial().strict().optional(),
    quietHours: QuietHoursSchema.omit({ timezone: true })
      .strict()
      .refine((q) => q.start !== q.end, { message: "start and end must differ", path: ["end"] })
      .nullable()
      .optional()
      .openapi({ description: "null turns quiet hours off" }),
  })
  .strict()
  .openapi("NotificationPreferencesInput", {
    description:
      "Fields left out keep their value. Security messages ignore these switches; order and payment messages ignore the promotions switch.",
  });

// ---------------------------------------------------------------- push devices

export const DeviceInputSchema = z
  .object({
    token: z
      .string()
      .trim()
      .min(16)
      .max(4096)
      .openapi({ description: "The FCM registration token of this app install" }),
    platform: z.enum(["ios", "android", "web"]),
  })
  .strict()
  .openapi("PushDeviceInput");

export const PushDeviceSchema = z
  .object({
    id: z.string(),
    platform: z.enum(["ios", "android", "web"]),
    current: z.boolean().openapi({ description: "Registered by the session making this request" }),
    createdAt: z.string().datetime(),
  })
  .openapi("PushDevice");

export const DeviceListSchema = z.object({ items: z.array(PushDeviceSchema) }).openapi("PushDeviceList");

// ---------------------------------------------------------------- promotions (admin)

const UserIds = z.array(z.string().min(1).max(64)).min(1).max(10_000);

export const PromotionInputSchema = z
  .discriminatedUnion("type", [
    z
      .object({
        type: z.literal("price_drop"),
        productId: z.string().min(1).max(64),
        previousPrice: MoneySchema.openapi({
          description: "The price before the drop; the product's price now is lower",
        }),
        userIds: UserIds.optional().openapi({
          description: "Who to tell; omitted: whoever viewed the product recently (NOTIFICATIONS_PRICE_DROP_VIEW_DAYS)",
        }),
      })
      .strict(),
    z
      .object({
        type: z.literal("voucher_expiring"),
        voucherCode: z.string().min(1).max(64),
        userIds: UserIds,
      })
      .strict(),
  ])
  .openapi("PromotionInput");

export const PromotionQueuedSchema = z
  .object({ events: z.number().int(), recipients: z.number().int() })
  .openapi("PromotionQueued");

// ---------------------------------------------------------------- dev bench

export const BenchNotificationsInputSchema = z
  .object({
    userIds: z.array(z.string().min(1).max(64)).min(1).max(1000),
    events: z.number().int().min(1),
  })
  .strict()
  .openapi("BenchNotificationsInput");

export const BenchNotificationsSchema = z
  .object({
    runId: z.string(),
    events: z.number().int(),
    eventIdPrefix: z.string(),
    sentAt: z.array(z.number()).openapi({ description: "Epoch ms each chunk of 100 events was sent" }),
  })
  .openapi("BenchNotifications");
