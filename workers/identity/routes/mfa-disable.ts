import type { RouteHandler } from "@hono/zod-openapi";
import { MfaCodeSchema } from "../../../schemas/mfa";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, noContent } from "../../platform/openapi";
import { disableTotp } from "../mfa-setup";

export const mfaDisableRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/mfa/totp/disable",
  tags: ["Identity"],
  summary: "Turn two-step sign-in off with a current code or a recovery code",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: jsonBody(MfaCodeSchema),
  responses: { 204: noContent },
  errors: [401, 409, 429],
});

export const mfaDisableHandler: RouteHandler<typeof mfaDisableRoute, AppEnv> = async (c) => {
  await disableTotp(c, currentAuth(c).userId, c.req.valid("json").code);
  return c.body(null, 204);
};
