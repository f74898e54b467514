import type { RouteHandler } from "@hono/zod-openapi";
import { WalletListSchema } from "../../../schemas/wallet";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { walletStub } from "../keys";
import { presentWallet } from "../present";

export const listWalletsRoute = defineRoute({
  method: "get",
  path: "/api/v1/wallets",
  tags: ["Wallet"],
  summary: "The caller's wallets: one per currency, opened on first use",
  description:
    "Balance, held (set aside for transfers in flight) and available per currency, with the KYC level and the limits that apply (dailyRemaining: what can still be sent in the next 24 hours).",
  security: bearerAuth,
  middleware: [requireAuth] as const,
  responses: { 200: jsonResponse("The caller's wallets", WalletListSchema) },
  errors: [401],
});

export const listWalletsHandler: RouteHandler<typeof listWalletsRoute, AppEnv> = async (c) => {
  const balances = await walletStub(c.env, currentAuth(c).userId).balances();
  return c.json({ items: balances.map(presentWallet) }, 200);
};
