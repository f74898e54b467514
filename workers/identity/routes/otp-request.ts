import type { RouteHandler } from "@hono/zod-openapi";
import { OtpRequestedSchema, OtpRequestSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { requestOtp } from "../otp";

export const otpRequestRoute = defineRoute({
  method: "post",
  path: "/api/v1/auth/otp/request",
  tags: ["Identity"],
  summary: "Send a 6-digit sign-in code by SMS",
  description:
    "The phone may be local or E.164 and must be a mobile number of the country. The SMS is in `locale`, or the country's language.",
  request: jsonBody(OtpRequestSchema),
  responses: { 202: jsonResponse("Code sent", OtpRequestedSchema) },
  errors: [429],
});

export const otpRequestHandler: RouteHandler<typeof otpRequestRoute, AppEnv> = async (c) =>
  c.json(await requestOtp(c, c.req.valid("json")), 202);
