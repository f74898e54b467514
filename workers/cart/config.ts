import { z } from "zod";

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The cart's and shipping's tunables, read from Worker variables (defaults are the production
 * values; .dev.vars.example lists each). Read by the Worker and by the `Cart` object alike.
 */
const CartConfigSchema = z.object({
  /** A cart is deleted this long after its last change (CONTRACT: 30 days). */
  CART_TTL_SECONDS: int(2_592_000, 60, 31_536_000),
  /** Distinct lines one cart may hold. */
  CART_MAX_LINES: int(100, 1, 500),
  /** Weight assumed for a product that has none recorded. */
  SHIPPING_DEFAULT_WEIGHT_GRAMS: int(500, 1, 1_000_000),
});

export interface CartConfig {
  ttlMs: number;
  maxLines: number;
  defaultWeightGrams: number;
}

const cache = new WeakMap<object, CartConfig>();

export function readCartConfig(env: Env): CartConfig {
  const cached = cache.get(env);
  if (cached) return cached;
  const vars = env as unknown as Record<string, unknown>;
  const raw = CartConfigSchema.parse({
    CART_TTL_SECONDS: vars.CART_TTL_SECONDS || undefined,
    CART_MAX_LINES: vars.CART_MAX_LINES || undefined,
    SHIPPING_DEFAULT_WEIGHT_GRAMS: vars.SHIPPING_DEFAULT_WEIGHT_GRAMS || undefined,
  });
  const config: CartConfig = {
    ttlMs: raw.CART_TTL_SECONDS * 1000,
    maxLines: raw.CART_MAX_LINES,
    defaultWeightGrams: raw.SHIPPING_DEFAULT_WEIGHT_GRAMS,
  };
  cache.set(env, config);
  return config;
}
