import type { RouteHandler } from "@hono/zod-openapi";
import { CreateQuoteSchema, QuoteSchema } from "../../../schemas/fx";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { limitWrites } from "../../middleware/write-limits";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { createQuote } from "../quotes";

export const createQuoteRoute = defineRoute({
  method: "post",
  path: "/api/v1/fx/quotes",
  tags: ["Wallet"],
  summary: "Price a conversion between two currencies of the caller's wallet",
  description:
    "from is what leaves the wallet, the fee included; to is what arrives, rounded down to the target currency's step (whole rupiah and dong). from = (from - fee) + fee exactly. The quote is the caller's alone and valid until expiresAt (FX_QUOTE_TTL_SECONDS, at least 30 s); use it once with POST /api/v1/wallet/conversions. Rates older than FX_RATES_MAX_AGE_SECONDS → 409 rates_unavailable (with Retry-After); the same currency twice, an IDR amount not in whole rupiah, or an amount the fee would take whole → 422 validation_failed. Rate limited per account and IP (WRITE_LIMIT_FX_QUOTE) → 429 with Retry-After.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("fxQuote")] as const,
  request: jsonBody(CreateQuoteSchema),
  responses: { 201: jsonResponse("The quote", QuoteSchema) },
  errors: [401, 409],
});

export const createQuoteHandler: RouteHandler<typeof createQuoteRoute, AppEnv> = async (c) =>
  c.json(await createQuote(c.env, currentAuth(c).userId, c.req.valid("json")), 201);
