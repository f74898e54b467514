import { z } from "@hono/zod-openapi";

export const CHANNELS = ["sms", "email", "push"] as const;
export const ChannelSchema = z.enum(CHANNELS).openapi("Channel");
export type Channel = z.infer<typeof ChannelSchema>;

export const DevOutboxItemSchema = z
  .object({
    id: z.string(),
    channel: ChannelSchema,
    to: z.string().openapi({ example: "+66812345678" }),
    locale: z.string().openapi({ example: "th" }),
    subject: z.string().optional(),
    body: z.string(),
    createdAt: z.string().datetime(),
  })
  .openapi("DevOutboxItem");

export const DevOutboxQuerySchema = z.object({
  to: z
    .string()
    .max(320)
    .optional()
    .openapi({
      param: { name: "to", in: "query" },
      description: "Phone in E.164 or email address",
      example: "+66812345678",
    }),
  channel: ChannelSchema.optional().openapi({ param: { name: "channel", in: "query" } }),
});
