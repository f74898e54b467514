import { createRouter } from "../platform/openapi";
import { clearCartHandler, clearCartRoute } from "./routes/cart-clear";
import { getCartHandler, getCartRoute } from "./routes/cart-get";
import { validateCartHandler, validateCartRoute } from "./routes/cart-validate";
import { addCartItemHandler, addCartItemRoute } from "./routes/item-add";
import { deleteCartItemHandler, deleteCartItemRoute } from "./routes/item-delete";
import { updateCartItemHandler, updateCartItemRoute } from "./routes/item-update";

export { type CartMergeOutcome, mergeGuestCartInto, mergeGuestCartOnSignIn } from "./merge";
export * from "./object/types";
export { guestPaymentSlot } from "./payment-slots";
export { cartProblems } from "./routes/cart-validate";
export {
  CART_TOKEN_HEADER,
  type CartOwner,
  cartStub,
  cartTokenHash,
  guestCartName,
  guestCartToken,
  isCartToken,
  type ResolvedCart,
  resolveCart,
  userCartName,
} from "./tokens";
export { type CartContents, type CartItemDetail, type CartView, composeCart, emptyCart, readCart } from "./view";

/**
 * The cart: one `Cart` Durable Object per user or guest token (durable-objects/cart.ts), priced
 * from the catalog on every read. What checkout calls is exported here. Design: docs/cart.md.
 */
export const cartRouter = createRouter()
  .openapi(getCartRoute, getCartHandler)
  .openapi(clearCartRoute, clearCartHandler)
  .openapi(addCartItemRoute, addCartItemHandler)
  .openapi(updateCartItemRoute, updateCartItemHandler)
  .openapi(deleteCartItemRoute, deleteCartItemHandler)
  .openapi(validateCartRoute, validateCartHandler);
