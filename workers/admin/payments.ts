import type { RouteHandler } from "@hono/zod-openapi";
import { AdminPaymentQuerySchema, AdminPaymentSchema, AdminRefundInputSchema, RefundSchema } from "../../schemas/admin";
import { IdParamSchema } from "../../schemas/identity";
import { PageQuerySchema, pageOf } from "../../schemas/platform";
import type { AppEnv } from "../app-env";
import { auditWrite } from "../identity";
import { currentAuth, requireRole } from "../middleware/auth";
import { adminPaymentsPage, refundPaymentByHand } from "../payments";
import { clientIpHash } from "../platform/client";
import { database } from "../platform/db";
import { idempotent } from "../platform/idempotency";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../platform/openapi";

export const listPaymentsRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/payments",
  tags: ["Admin"],
  summary: "Payments by status, gateway or order, newest first (admins)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: PageQuerySchema.merge(AdminPaymentQuerySchema) },
  responses: { 200: jsonResponse("A page of payments", pageOf(AdminPaymentSchema, "AdminPaymentPage")) },
  errors: [401, 403],
});

export const listPaymentsHandler: RouteHandler<typeof listPaymentsRoute, AppEnv> = async (c) =>
  c.json(await adminPaymentsPage(database(c.env), c.req.valid("query")), 200);

export const refundPaymentRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/payments/{id}/refund",
  tags: ["Admin"],
  summary: "Refund a payment by hand (admins)",
  description:
    "Needs an Idempotency-Key: a retry with the same key answers with the same refund and refunds once. Through the gateway that took the payment, or into the payer's wallet for a wallet payment. `amount` defaults to all that is refundable; more than what was paid less what was refunded → 422 with the refundable amount. A payment never paid → 409. A gateway that refuses → 503 and nothing refunded (retry with the same key). In the audit log with the operator as actor.",
  security: bearerAuth,
  middleware: [requireRole("admin"), idempotent] as const,
  request: { params: IdParamSchema, ...jsonBody(AdminRefundInputSchema) },
  responses: { 201: jsonResponse("The refund, made", RefundSchema) },
  errors: [401, 403, 404, 409, 503],
});

export const refundPaymentHandler: RouteHandler<typeof refundPaymentRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { amount, reason } = c.req.valid("json");
  const actorId = currentAuth(c).userId;
  const key = c.req.header("Idempotency-Key") ?? "";
  const db = database(c.env);
  const ipHash = await clientIpHash(c);
  const refund = await refundPaymentByHand(c.env, { paymentId: id, key, amount, reason, actorId }, (made) => [
    auditWrite(db, {
      type: "payment_refunded_by_hand",
      actorId,
      ipHash,
      data: { paymentId: id, refundId: made.id, amount: made.amount, reason },
    }),
  ]);
  return c.json(refund, 201);
};
