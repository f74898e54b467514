import type { RouteHandler } from "@hono/zod-openapi";
import { AccountSuspensionSchema, IdParamSchema, UserSchema } from "../../schemas/identity";
import type { AppEnv } from "../app-env";
import { reinstateAccount, suspendAccount } from "../identity";
import { currentAuth, requireRole } from "../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../platform/openapi";

export const suspendAccountRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/users/{id}/suspend",
  tags: ["Admin"],
  summary: "Suspend an account (admins)",
  description:
    "Its sessions end at once (its tokens fail the next request), its open sockets (chat rooms, the realtime stream) are closed within seconds with close code 4403, and sign-in answers 403 `account_suspended` until it is reinstated. Suspending a suspended account changes nothing. In the audit log with the operator as actor.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema, ...jsonBody(AccountSuspensionSchema) },
  responses: { 200: jsonResponse("The account, suspended", UserSchema) },
  errors: [401, 403, 404, 409],
});

export const suspendAccountHandler: RouteHandler<typeof suspendAccountRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  return c.json(await suspendAccount(c, currentAuth(c).userId, id, reason), 200);
};

export const reinstateAccountRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/users/{id}/reinstate",
  tags: ["Admin"],
  summary: "Reinstate a suspended account (admins)",
  description:
    "The person can sign in again (their old sessions stay ended). In the audit log with the operator as actor.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The account, active", UserSchema) },
  errors: [401, 403, 404, 409],
});

export const reinstateAccountHandler: RouteHandler<typeof reinstateAccountRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  return c.json(await reinstateAccount(c, currentAuth(c).userId, id), 200);
};
