import type { RouteHandler } from "@hono/zod-openapi";
import { ConversionSchema, CreateConversionSchema } from "../../../schemas/fx";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { idempotent } from "../../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createConversion } from "../conversions";

export const createConversionRoute = defineRoute({
  method: "post",
  path: "/api/v1/wallet/conversions",
  tags: ["Wallet"],
  summary: "Convert between two currencies of the caller's wallet with a quote",
  description:
    "Needs an Idempotency-Key: one key converts once. Debits the quote's from (fee included) and credits its to, both at once. Another user's or an unknown quote → 404; an expired quote → 409 quote_expired; a quote another key already used → 409 quote_used; short funds → 409 insufficient_funds; over the target wallet's balance limit → 422 limit_exceeded; a restricted wallet → 403 wallet_restricted; rate limited per account and IP (WRITE_LIMIT_CONVERSION) → 429 with Retry-After. Nothing moves on any error.",
  security: bearerAuth,
  middleware: [requireAuth, idempotent, limitWrites("conversion")] as const,
  request: jsonBody(CreateConversionSchema),
  responses: { 201: jsonResponse("Both legs of the conversion", ConversionSchema) },
  errors: [401, 403, 404, 409],
});

export const createConversionHandler: RouteHandler<typeof createConversionRoute, AppEnv> = async (c) =>
  c.json(await createConversion(c, c.req.valid("json")), 201);
