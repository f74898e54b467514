import type { RouteHandler } from "@hono/zod-openapi";
import { OtpVerifySchema, TokensSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import type { IdentityHooks } from "../hooks";
import { verifyOtp } from "../otp";

export const otpVerifyRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/otp/verify",
  tags: ["Identity"],
  summary: "Sign in (or sign up) with the SMS code",
  request: jsonBody(OtpVerifySchema),
  responses: { 200: jsonResponse("Signed in", TokensSchema) },
  errors: [401, 403, 429],
});

/** Signs in; a guest cart sent along (X-Cart-Token) is merged through `hooks`. */
export const otpVerifyHandler =
  (hooks: IdentityHooks): RouteHandler<typeof otpVerifyRoute, AppEnv> =>
  async (c) =>
    c.json(await verifyOtp(c, c.req.valid("json"), hooks), 200);
