import type { RouteHandler } from "@hono/zod-openapi";
import { AuditVerificationSchema } from "../../schemas/mfa";
import type { AppEnv } from "../app-env";
import { sealAuditChain, verifyAuditChain } from "../identity";
import { requireRole } from "../middleware/auth";
import { database } from "../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../platform/openapi";

export const verifyAuditEventsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/audit-events/verify",
  tags: ["Admin"],
  summary: "Check the audit log's hash chain (admins)",
  description:
    "Seals the rows written since the last seal, then recomputes every row's hash from the first: `firstBrokenId` names the first edited row, or the row after a deleted one. Also `npm run ops:audit-verify`.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  responses: { 200: jsonResponse("The verification", AuditVerificationSchema) },
  errors: [401, 403],
});

export const verifyAuditEventsHandler: RouteHandler<typeof verifyAuditEventsRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  await sealAuditChain(db);
  return c.json(await verifyAuditChain(db), 200);
};
