import type { RouteHandler } from "@hono/zod-openapi";
import { ForgotPasswordSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody } from "../../platform/openapi";
import { forgotPassword } from "../password-auth";

export const forgotPasswordRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/forgot-password",
  tags: ["Identity"],
  summary: "Email a password-reset link (always 202)",
  description: "Answers 202 whether or not the email has an account. The link works once, for one hour.",
  request: jsonBody(ForgotPasswordSchema),
  responses: { 202: { description: "If the account exists, a reset link is on its way" } },
});

export const forgotPasswordHandler: RouteHandler<typeof forgotPasswordRoute, AppEnv> = async (c) => {
  await forgotPassword(c, c.req.valid("json"));
  return c.body(null, 202);
};
