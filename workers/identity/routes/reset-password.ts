import type { RouteHandler } from "@hono/zod-openapi";
import { ResetPasswordSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, noContent } from "../../platform/openapi";
import { resetPassword } from "../password-auth";

export const resetPasswordRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/reset-password",
  tags: ["Identity"],
  summary: "Set a new password with the emailed token",
  description: "Signs out every session of the account. An invalid, expired or used token answers 422.",
  request: jsonBody(ResetPasswordSchema),
  responses: { 204: noContent },
});

export const resetPasswordHandler: RouteHandler<typeof resetPasswordRoute, AppEnv> = async (c) => {
  await resetPassword(c, c.req.valid("json"));
  return c.body(null, 204);
};
