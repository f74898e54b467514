import type { RouteHandler } from "@hono/zod-openapi";
import { PageQuerySchema } from "../../../../schemas/platform";
import { CreatePlatformVoucherSchema, VoucherPageSchema, VoucherSchema } from "../../../../schemas/vouchers";
import type { AppEnv } from "../../../app-env";
import { requireRole } from "../../../middleware/auth";
import { limitWrites } from "../../../middleware/write-limits";
import { database } from "../../../platform/db";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../../platform/openapi";
import { createVoucher, presentVoucher, voucherPage } from "../store";

export const createPlatformVoucherRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/vouchers",
  tags: ["Vouchers"],
  summary: "Create a platform voucher (admins)",
  description:
    "Good in any shop, for orders in `currency`; at checkout it stacks with one shop voucher (README, 'Vouchers'). Same fields and rules as a shop voucher.",
  security: bearerAuth,
  middleware: [requireRole("admin"), limitWrites("product")] as const,
  request: jsonBody(CreatePlatformVoucherSchema),
  responses: { 201: jsonResponse("The new voucher", VoucherSchema) },
  errors: [401, 403, 409],
});

export const createPlatformVoucherHandler: RouteHandler<typeof createPlatformVoucherRoute, AppEnv> = async (c) => {
  const { currency, ...input } = c.req.valid("json");
  const row = await createVoucher(database(c.env), { shopId: null, currency }, input);
  return c.json(presentVoucher(row), 201);
};

export const listPlatformVouchersRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/vouchers",
  tags: ["Vouchers"],
  summary: "Platform vouchers, newest first (admins; beyond the contract)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: PageQuerySchema },
  responses: { 200: jsonResponse("A page of platform vouchers", VoucherPageSchema) },
  errors: [401, 403],
});

export const listPlatformVouchersHandler: RouteHandler<typeof listPlatformVouchersRoute, AppEnv> = async (c) =>
  c.json(await voucherPage(database(c.env), null, c.req.valid("query")), 200);
