import type { RouteHandler } from "@hono/zod-openapi";
import { AccountDeletionSchema } from "../../../schemas/privacy";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { eraseAccount } from "../erasure";

export const deleteMeRoute = defineRoute({
  method: "delete",
  path: "/api/v1/users/me",
  tags: ["Users"],
  summary: "Delete the account: sessions revoked, personal data erased",
  description:
    "Every session ends, phone, email, password, name, avatar and addresses are erased. Orders stay (legal retention) without personal data, pointing at the anonymous account id. An account whose wallet still holds money (available or held) → 409 conflict, nothing changes: withdraw or spend it first.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 202: jsonResponse("Deleted", AccountDeletionSchema) },
  errors: [401, 409],
});

export const deleteMeHandler: RouteHandler<typeof deleteMeRoute, AppEnv> = async (c) => {
  const { deletedAt } = await eraseAccount(c);
  return c.json({ status: "deleted" as const, deletedAt: new Date(deletedAt).toISOString() }, 202);
};
