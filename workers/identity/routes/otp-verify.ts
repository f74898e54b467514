import type { RouteHandler } from "@hono/zod-openapi";
import { OtpVerifySchema, TokensSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
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

export const otpVerifyHandler: RouteHandler<typeof otpVerifyRoute, AppEnv> = async (c) =>
  c.json(await verifyOtp(c, c.req.valid("json")), 200);
