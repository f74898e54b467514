import type { RouteHandler, z } from "@hono/zod-openapi";
import {
  type CartProblemSchema,
  CartTokenHeaderSchema,
  CartTokenResponseHeaders,
  CartValidationSchema,
} from "../../../schemas/cart";
import type { AppEnv } from "../../app-env";
import { cartLineKey } from "../../catalog";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { resolveCart } from "../tokens";
import { type CartContents, composeCart, emptyCart, readCart } from "../view";

type CartProblem = z.infer<typeof CartProblemSchema>;

export const validateCartRoute = defineRoute({
  method: "post",
  path: "/api/v1/cart/validate",
  tags: ["Cart"],
  summary: "Check the cart before checkout",
  description:
    "Reports per line: `unavailable` (archived, deleted, a variant gone, or no longer in the cart's currency), `out_of_stock` (fewer in stock than the line's quantity) and `price_changed` (the price differs from the one seen when the line was added or last validated). The new prices are then recorded, so the next validation reports only newer changes.",
  security: [...bearerAuth, {}],
  request: { headers: CartTokenHeaderSchema },
  responses: {
    200: { ...jsonResponse("Problems found (none: valid)", CartValidationSchema), headers: CartTokenResponseHeaders },
  },
});

export const validateCartHandler: RouteHandler<typeof validateCartRoute, AppEnv> = async (c) => {
  const cart = await resolveCart(c);
  if (cart.owner.kind === "guest" && cart.owner.isNew) {
    return c.json({ valid: true, problems: [], cart: emptyCart(cart.id).cart }, 200);
  }
  const origin = new URL(c.req.url).origin;
  let contents = await readCart(c.env, cart, origin);
  const problems = cartProblems(contents);
  const changed = contents.items.filter((i) => i.priceChanged);
  if (changed.length > 0) {
    const snapshot = await cart.stub.recordPrices(
      changed.map((i) => ({ lineId: i.line.id, unitPrice: i.unitPrice.amount })),
    );
    contents = await composeCart(c.env, cart.id, snapshot, origin, {
      catalog: new Map(contents.items.flatMap((i) => (i.catalog ? [[cartLineKey(i.line), i.catalog] as const] : []))),
      stock: new Map(contents.items.map((i) => [cartLineKey(i.line), i.available] as const)),
    });
  }
  return c.json({ valid: problems.length === 0, problems, cart: contents.cart }, 200);
};

/** The problems of each line, in line order: unavailable alone, else out_of_stock and/or price_changed. */
export function cartProblems(contents: CartContents): CartProblem[] {
  const problems: CartProblem[] = [];
  for (const item of contents.items) {
    const itemId = item.line.id;
    if (!item.purchasable) {
      problems.push({ itemId, code: "unavailable" });
      continue;
    }
    if (item.available < item.line.quantity) problems.push({ itemId, code: "out_of_stock", available: item.available });
    if (item.priceChanged) {
      problems.push({
        itemId,
        code: "price_changed",
        previousUnitPrice: { amount: item.line.unitPrice, currency: item.unitPrice.currency },
        unitPrice: item.unitPrice,
      });
    }
  }
  return problems;
}
