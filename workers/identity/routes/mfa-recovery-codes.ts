import type { RouteHandler } from "@hono/zod-openapi";
import { MfaCodeSchema, RecoveryCodesSchema } from "../../../schemas/mfa";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { regenerateRecoveryCodes } from "../mfa-setup";

export const mfaRecoveryCodesRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/mfa/recovery-codes",
  tags: ["Identity"],
  summary: "New recovery codes for a current authenticator code (the old ones stop working)",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(MfaCodeSchema),
  responses: { 201: jsonResponse("The new codes, shown only now", RecoveryCodesSchema) },
  errors: [401, 409, 429],
});

export const mfaRecoveryCodesHandler: RouteHandler<typeof mfaRecoveryCodesRoute, AppEnv> = async (c) =>
  c.json(await regenerateRecoveryCodes(c, currentAuth(c).userId, c.req.valid("json").code), 201);
