import type { RouteHandler } from "@hono/zod-openapi";
import { and, eq, isNull } from "drizzle-orm";
import { mfaRecoveryCodes } from "../../../d1/schema/identity";
import { MfaStatusSchema } from "../../../schemas/mfa";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { database } from "../../platform/db";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { totpFactor } from "../mfa";

export const mfaStatusRoute = defineRoute({
  method: "get",
  path: "/api/v1/auth/mfa",
  tags: ["Identity"],
  summary: "Whether the caller has two-step sign-in on, and how many recovery codes are left",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The caller's second factor", MfaStatusSchema) },
  errors: [401],
});

export const mfaStatusHandler: RouteHandler<typeof mfaStatusRoute, AppEnv> = async (c) => {
  const { userId } = currentAuth(c);
  const db = database(c.env);
  const [row, left] = await Promise.all([
    totpFactor(db, userId),
    db
      .select({ codeHash: mfaRecoveryCodes.codeHash })
      .from(mfaRecoveryCodes)
      .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt))),
  ]);
  const enabled = row?.status === "enabled";
  return c.json({ enabled, pending: row?.status === "pending", recoveryCodesLeft: enabled ? left.length : 0 }, 200);
};
