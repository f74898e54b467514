import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../../schemas/identity";
import { UpdateVoucherSchema, VoucherSchema } from "../../../../schemas/vouchers";
import type { AppEnv } from "../../../app-env";
import { currentAuth, requireAuth } from "../../../middleware/auth";
import { limitWrites } from "../../../middleware/write-limits";
import { database } from "../../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../../platform/openapi";
import { managedVoucher, presentVoucher, updateVoucher } from "../store";

export const updateVoucherRoute = defineRoute({
  method: "patch",
  path: "/api/v1/vouchers/{id}",
  tags: ["Vouchers"],
  summary: "Change a voucher (its shop's owner; an admin for a platform voucher)",
  description:
    "Code, type and currency stay. `null` clears minSpend, maxDiscount or totalLimit; `active: true` turns a deactivated voucher back on. totalLimit cannot go below `used`.",
  security: bearerAuth,
  middleware: [requireAuth, limitWrites("product")] as const,
  request: { params: IdParamSchema, ...jsonBody(UpdateVoucherSchema) },
  responses: { 200: jsonResponse("The voucher as it now is", VoucherSchema) },
  errors: [401, 403, 404, 409],
});

export const updateVoucherHandler: RouteHandler<typeof updateVoucherRoute, AppEnv> = async (c) => {
  const db = database(c.env);
  const row = await managedVoucher(db, c.req.valid("param").id, currentAuth(c));
  return c.json(presentVoucher(await updateVoucher(db, row, c.req.valid("json"))), 200);
};
