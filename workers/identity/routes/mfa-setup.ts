import type { RouteHandler } from "@hono/zod-openapi";
import { TotpSetupSchema } from "../../../schemas/mfa";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { startTotpSetup } from "../mfa-setup";

export const mfaSetupRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/mfa/totp",
  tags: ["Identity"],
  summary: "Set up two-step sign-in (TOTP): a new secret and recovery codes, pending until enabled",
  description:
    "Scan `otpauthUrl` (a QR code) or type `secret` into an authenticator app, then enable with a first code. The recovery codes are shown only now. Again before enabling replaces the pending secret; 409 when already enabled.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 201: jsonResponse("A pending TOTP secret", TotpSetupSchema) },
  errors: [401, 409],
});

export const mfaSetupHandler: RouteHandler<typeof mfaSetupRoute, AppEnv> = async (c) =>
  c.json(await startTotpSetup(c, currentAuth(c).userId), 201);
