import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../schemas/identity";
import { WalletStandingInputSchema, WalletStandingSchema } from "../../schemas/wallet";
import type { AppEnv } from "../app-env";
import { auditWrite, displayNameQuery } from "../identity";
import { currentAuth, requireRole } from "../middleware/auth";
import { clientIpHash } from "../platform/client";
import { database } from "../platform/db";
import { ApiError } from "../platform/errors";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../platform/openapi";
import { walletStub } from "../wallet";

export const walletStandingRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/users/{id}/wallet-standing",
  tags: ["Admin"],
  summary: "Set a user's wallet KYC level and restriction (admins)",
  description:
    "kycLevel chooses the limits that apply (basic or verified); restricted: true stops the wallet sending (403 wallet_restricted) while it still receives transfers and refunds. Setting what is already set changes nothing but is logged. In the audit log with the operator as actor and the reason.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema, ...jsonBody(WalletStandingInputSchema) },
  responses: { 200: jsonResponse("The wallet's standing now", WalletStandingSchema) },
  errors: [401, 403, 404],
});

export const walletStandingHandler: RouteHandler<typeof walletStandingRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const { reason, ...change } = c.req.valid("json");
  const db = database(c.env);
  if (!(await displayNameQuery(db, id).get())) throw new ApiError("not_found", "There is no account with this id.");
  // The wallet object is the truth of its standing; setting it again is harmless, so a retry after
  // a failed audit write applies the same standing and logs it.
  const standing = await walletStub(c.env, id).setStanding(change);
  await auditWrite(db, {
    type: "wallet_standing_changed",
    userId: id,
    actorId: currentAuth(c).userId,
    ipHash: await clientIpHash(c),
    data: { ...change, reason },
  }).run();
  return c.json({ userId: id, ...standing }, 200);
};
