import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../../schemas/identity";
import { VoucherSchema } from "../../../../schemas/vouchers";
import type { AppEnv } from "../../../app-env";
import { currentAuth, requireAuth } from "../../../middleware/auth";
import { limitWrites } from "../../../middleware/write-limits";
import { database } from "../../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../../platform/openapi";
import { deactivateVoucher, managedVoucher, presentVoucher } from "../store";

export const deleteVoucherRoute = defineRoute({
  method: "delete",
  path: "/api/v1/vouchers/{id}",
  tags: ["Vouchers"],
  summary: "Deactivate a voucher (its shop's owner; an admin for a platform voucher)",
  description:
    "Checkout refuses it from now on (409 voucher_unavailable); orders that used it keep their discount, and a cancelled one still gives its use back. Deleting twice is harmless.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("product")] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The voucher, now inactive", VoucherSchema) },
  errors: [401, 403, 404],
});

export const deleteVoucherHandler: RouteHandler<typeof deleteVoucherRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const row = await managedVoucher(db, c.req.valid("param").id, currentAuth(c));
  return c.json(presentVoucher(await deactivateVoucher(db, row)), 200);
};
