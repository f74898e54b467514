import { z } from "@hono/zod-openapi";
import { AddressSchema } from "./identity";

/** GET /api/v1/users/me/export: every piece of personal data the platform holds about the caller. */
export const PersonalDataExportSchema = z
  .object({
    exportedAt: z.string().datetime(),
    user: z.record(z.string(), z.unknown()),
    addresses: z.array(AddressSchema),
    sessions: z.array(z.record(z.string(), z.unknown())),
    securityEvents: z.array(z.record(z.string(), z.unknown())),
    messages: z.array(z.record(z.string(), z.unknown())),
    notifications: z.record(z.string(), z.unknown()),
  })
  .openapi("PersonalDataExport");

/** DELETE /api/v1/users/me: the account's erasure, acknowledged. */
export const AccountDeletionSchema = z
  .object({ status: z.literal("deleted"), deletedAt: z.string().datetime() })
  .openapi("AccountDeletion");
