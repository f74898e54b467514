import { z } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import { PositiveMoneySchema } from "../../schemas/wallet";
import type { AppEnv } from "../app-env";
import { reserveStock, setStock } from "../inventory";
import { ApiError } from "../platform/errors";
import { newId } from "../platform/ids";
import { createRouter, defineRoute, jsonBody, jsonResponse } from "../platform/openapi";
import { walletStub } from "../wallet";

/**
 * Load-test hooks for `npm run bench` (test/bench/scenarios.mjs): reservations have no public
 * endpoint (checkout makes them), so these drive the Inventory objects directly. Like the other
 * dev routes they exist only when DEV_OUTBOX is on (never in production): 404 otherwise, before
 * the body is even read. Keys are namespaced under `bench:` so they never touch a product's stock.
 */
const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("config").devOutbox) throw new ApiError("not_found", "Nothing exists at this address.");
  await next();
});

const BenchKey = z
  .string()
  .regex(/^[A-Za-z0-9:_-]{1,100}$/)
  .openapi({ example: "bench:flash-sale-1" });
const Shards = z.number().int().min(1).max(64).default(1);

const BenchStockSchema = z
  .object({ key: BenchKey, shards: Shards, onHand: z.number().int().min(0).max(1_000_000_000) })
  .strict()
  .openapi("BenchStock");

const BenchReserveSchema = z
  .object({
    key: BenchKey,
    shards: Shards,
    quantity: z.number().int().min(1).max(1_000).default(1),
    ttlMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
  })
  .strict()
  .openapi("BenchReserve");

const BenchLevelSchema = z
  .object({
    key: z.string(),
    shards: z.number(),
    onHand: z.number(),
    reserved: z.number(),
    available: z.number(),
    sold: z.number(),
  })
  .openapi("BenchLevel");

const BenchReservationSchema = z
  .object({
    reservationId: z.string(),
    quantity: z.number(),
    allocations: z.array(z.object({ shard: z.number(), quantity: z.number() })),
  })
  .openapi("BenchReservation");

const benchKey = (key: string) => (key.startsWith("bench:") ? key : `bench:${key}`);

export const benchStockRoute = defineRoute({
  method: "put",
  path: "/api/v1/dev/bench/stock",
  tags: ["Dev"],
  summary: "Set a benchmark SKU's stock, over `shards` Inventory objects (local only)",
  middleware: [devOnly] as const,
  request: jsonBody(BenchStockSchema),
  responses: { 200: jsonResponse("The SKU's level", BenchLevelSchema) },
  errors: [404, 409],
});

export const benchReserveRoute = defineRoute({
  method: "post",
  path: "/api/v1/dev/bench/reserve",
  tags: ["Dev"],
  summary: "Reserve units of a benchmark SKU with a fresh reservation id (local only)",
  description:
    "One reserveStock call (workers/inventory): the home shard of a random reservation id, spilling over to the other shards when it is short. 409 insufficient_stock when the SKU is out.",
  middleware: [devOnly] as const,
  request: jsonBody(BenchReserveSchema),
  responses: { 201: jsonResponse("The reservation", BenchReservationSchema) },
  errors: [404, 409],
});

const BenchWalletCreditSchema = z
  .object({ userId: z.string().min(1).max(64), amount: PositiveMoneySchema })
  .strict()
  .openapi("BenchWalletCredit");

export const benchWalletCreditRoute = defineRoute({
  method: "post",
  path: "/api/v1/dev/bench/wallet-credit",
  tags: ["Dev"],
  summary: "Put money into a user's wallet as a top-up, so the transfer benchmark has something to send (local only)",
  middleware: [devOnly] as const,
  request: jsonBody(BenchWalletCreditSchema),
  responses: { 201: jsonResponse("Credited", z.object({ applied: z.boolean() }).openapi("BenchWalletCredited")) },
  errors: [404, 409],
});

export const benchRouter = createRouter()
  .openapi(benchWalletCreditRoute, async (c) => {
    const { userId, amount } = c.req.valid("json");
    const result = await walletStub(c.env, userId).credit({
      movementId: newId("wtp"),
      currency: amount.currency,
      amount: amount.amount,
      type: "topup",
      reference: "bench",
    });
    if (!result.ok) throw new ApiError("conflict", "The wallet cannot hold this amount (its balance limit).");
    return c.json({ applied: result.applied }, 201);
  })
  .openapi(benchStockRoute, async (c) => {
    const { key, shards, onHand } = c.req.valid("json");
    const result = await setStock(c.env, { key: benchKey(key), shards }, { onHand });
    if (!result.ok) {
      throw new ApiError("conflict", result.code === "below_reserved" ? "Below the units reserved." : result.message);
    }
    const { key: k, shards: s, onHand: h, reserved, available, sold } = result.level;
    return c.json({ key: k, shards: s, onHand: h, reserved, available, sold }, 200);
  })
  .openapi(benchReserveRoute, async (c) => {
    const { key, shards, quantity, ttlMs } = c.req.valid("json");
    const reservationId = newId("bres");
    const result = await reserveStock(c.env, { key: benchKey(key), shards, reservationId, quantity, ttlMs });
    if (!result.ok) {
      if (result.code === "insufficient_stock") {
        throw new ApiError("insufficient_stock", `Only ${result.available} left of ${result.key}.`);
      }
      throw new ApiError("conflict", `The reservation was refused: ${result.code}.`);
    }
    return c.json({ reservationId, quantity: result.quantity, allocations: result.allocations }, 201);
  });
