import type { RouteHandler } from "@hono/zod-openapi";
import { PaymentOptionsQuerySchema, PaymentOptionsSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { paymentOptions } from "../options";

export const paymentOptionsRoute = defineRoute({
  method: "get",
  path: "/api/v1/payments/options",
  tags: ["Payments"],
  summary: "The gateways and methods this deployment takes for a currency",
  description:
    "Beyond the contract. Send currency, or orderIds (the caller's unpaid orders; guests send X-Cart-Token) for their currency. Each option is a gateway and method pair POST /payments accepts; the sandbox is listed only where it is on (development and tests).",
  security: [...bearerAuth, {}],
  request: { query: PaymentOptionsQuerySchema },
  responses: { 200: jsonResponse("What the payer may choose from", PaymentOptionsSchema) },
  errors: [401, 404, 409],
});

export const paymentOptionsHandler: RouteHandler<typeof paymentOptionsRoute, AppEnv> = async (c) =>
  c.json(await paymentOptions(c, c.req.valid("query")), 200);
