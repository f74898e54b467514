import type { RouteHandler } from "@hono/zod-openapi";
import {
  DisbursementParamSchema,
  DisbursementSchema,
  SimulateDisbursementSchema,
} from "../../../schemas/disbursements";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { presentDisbursement } from "../present";
import { disbursementById } from "../service";
import { simulateDisbursement } from "../webhooks";

export const simulateDisbursementRoute = defineRoute({
  method: "post",
  path: "/api/v1/dev/disbursements/{id}/simulate",
  // A development helper under /api/v1/dev/: switched off with the others where DEV_OUTBOX is off.
  tags: ["Dev"],
  summary: "Sandbox only: the bank's answer to one of the caller's disbursements",
  description:
    "Only when PAYMENTS_SANDBOX=\"true\" (the local default). Signs a sandbox webhook with the outcome and sends it through the same path as a real provider's webhook (POST /api/v1/disbursements/webhook/sandbox); a withdrawal's id is its disbursement's id. A disbursement already final stays as it is.",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  request: { params: DisbursementParamSchema, ...jsonBody(SimulateDisbursementSchema) },
  responses: { 200: jsonResponse("The disbursement after the webhook", DisbursementSchema) },
  errors: [401, 404],
});

export const simulateDisbursementHandler: RouteHandler<typeof simulateDisbursementRoute, AppEnv> = async (c) => {
  if (!c.get("config").paymentsSandbox) throw new ApiError("not_found", "Nothing exists at this address.");
  const { id } = c.req.valid("param");
  const row = await disbursementById(database(c.env), id);
  // Another user's disbursement is simply not found.
  if (row?.ownerId !== currentAuth(c).userId) {
    throw new ApiError("not_found", "There is no disbursement with this id among yours.");
  }
  const after = await simulateDisbursement(c.env, id, c.req.valid("json").status);
  drainSoon(c.executionCtx, c.env, c.get("config"));
  return c.json(presentDisbursement(after), 200);
};
