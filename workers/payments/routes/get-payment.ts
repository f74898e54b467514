import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { PaymentSchema } from "../../../schemas/payments";
import type { AppEnv } from "../../app-env";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { presentPayment } from "../present";
import { paymentFor } from "../service";

export const getPaymentRoute = defineRoute({
  method: "get",
  path: "/api/v1/payments/{id}",
  tags: ["Payments"],
  summary: "A payment (its payer or an admin)",
  security: [...bearerAuth, {}],
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The payment", PaymentSchema) },
  errors: [403, 404],
});

export const getPaymentHandler: RouteHandler<typeof getPaymentRoute, AppEnv> = async (c) =>
  c.json(presentPayment(await paymentFor(c, c.req.valid("param").id)), 200);
