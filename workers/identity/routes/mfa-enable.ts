import type { RouteHandler } from "@hono/zod-openapi";
import { MfaCodeSchema } from "../../../schemas/mfa";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, noContent } from "../../platform/openapi";
import { enableTotp } from "../mfa-setup";

export const mfaEnableRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/mfa/totp/enable",
  tags: ["Identity"],
  summary: "Enable two-step sign-in with a first code of the pending secret",
  description: "Wrong code 401 invalid_code; too many wrong codes 429; nothing set up or already on 409.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(MfaCodeSchema),
  responses: { 204: noContent },
  errors: [401, 409, 429],
});

export const mfaEnableHandler: RouteHandler<typeof mfaEnableRoute, AppEnv> = async (c) => {
  await enableTotp(c, currentAuth(c).userId, c.req.valid("json").code);
  return c.body(null, 204);
};
