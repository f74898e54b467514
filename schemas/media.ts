import { z } from "@hono/zod-openapi";

export const MediaSchema = z
  .object({
    id: z.string().openapi({ example: "med_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
    url: z.string().openapi({ example: "https://api.tchat.example/api/v1/media/med_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
    contentType: z.string().openapi({ example: "image/jpeg" }),
    size: z.number().int().openapi({ example: 184320 }),
  })
  .openapi("Media");

export const MediaIdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "med_01JD3Q5W8T2M4V6X8Z0B2D4F6H" }),
});

/** A chat attachment's url names the dialog it was sent in and carries the signature of that pair. */
export const MediaQuerySchema = z.object({
  dialog: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .openapi({
      param: { name: "dialog", in: "query" },
      description: "Chat attachments: the dialog, as the message's url gives it",
    }),
  sig: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .openapi({
      param: { name: "sig", in: "query" },
      description: "Chat attachments: the signature, as the message's url gives it",
    }),
});

/** Raw upload bodies, for the OpenAPI document (not validated by zod: the bytes are checked by the handler). */
export const binaryBody = { type: "string", format: "binary" } as const;

export type Media = z.infer<typeof MediaSchema>;
