import { useEffect, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import "../orders/commerce.css";
import { useAction } from "../common/use-action";
import { CartLineRow } from "./CartLineRow";
import { type Cart as CartData, type CartProblem, cartAnswer, cartSubtotal, loadCart } from "./cart-api";

/**
 * /cart: the lines with quantity steppers, remove and clear, the problems the server finds
 * (POST /cart/validate: out of stock, price changed, no longer sold) and the subtotal in the
 * cart's currency. A guest's cart is named by the X-Cart-Token kept in storage, so it survives reloads.
 */
export function Cart() {
  const { t, locale, fmt } = useI18n();
  const session = useSession();
  const [loaded, reload] = useApi(async () => {
    const cart = await loadCart();
    if (!cart || cart.items.length === 0) return { cart, problems: [] as CartProblem[] };
    const checked = await unwrap(api.POST("/api/v1/cart/validate"));
    return { cart: (checked.cart as unknown as CartData | undefined) ?? cart, problems: checked.problems };
  }, [locale, session?.accessToken]);
  const [cart, setCart] = useState<CartData | null>(null);
  const [problems, setProblems] = useState<CartProblem[]>([]);
  const { busy, problem: failure, run } = useAction();
  useEffect(() => {
    if (loaded.state === "ready") {
      setCart(loaded.data.cart);
      setProblems(loaded.data.problems);
    }
  }, [loaded]);
  useEffect(() => {
    document.title = `${t("cart.title")} · Tchat`;
  }, [t]);

  /** Runs one change; the answer is the cart as it now is. */
  const change = (write: () => Promise<CartData>) =>
    run(async () => {
      const next = await write();
      setCart(next);
      // A line that changed or went away no longer has the problem it had.
      setProblems((list) => list.filter((p) => next.items.some((i) => i.id === p.itemId)));
    });
  const setQuantity = (id: string, quantity: number) =>
    change(() => cartAnswer(api.PATCH("/api/v1/cart/items/{id}", { params: { path: { id } }, body: { quantity } })));
  const remove = (id: string) =>
    change(() => cartAnswer(api.DELETE("/api/v1/cart/items/{id}", { params: { path: { id } } })));
  const clear = () => {
    if (window.confirm(t("cart.clearConfirm"))) change(() => cartAnswer(api.DELETE("/api/v1/cart")));
  };

  const subtotal = cartSubtotal(cart);
  return (
    <section aria-labelledby="cart-title" aria-busy={busy}>
      <h1 id="cart-title">{t("cart.title")}</h1>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && <ProblemNotice problem={loaded.problem} onRetry={reload} />}
      {failure && <ProblemNotice problem={failure} />}
      {loaded.state === "ready" && (!cart || cart.items.length === 0) && (
        <p class="status" data-testid="cart-empty">
          {t("cart.empty")} <a href="/">{t("cart.browse")}</a>
        </p>
      )}
      {cart && cart.items.length > 0 && (
        <>
          <ul class="lines">
            {cart.items.map((line) => (
              <CartLineRow
                key={line.id}
                line={line}
                problem={problems.find((p) => p.itemId === line.id)}
                busy={busy}
                onQuantity={(q) => setQuantity(line.id, q)}
                onRemove={() => remove(line.id)}
              />
            ))}
          </ul>
          <dl class="totals">
            <dt>{t("cart.subtotal", { count: cart.itemCount })}</dt>
            <dd data-testid="cart-subtotal">{subtotal ? fmt.money(subtotal) : ""}</dd>
          </dl>
          <div class="actions">
            <button type="button" class="secondary" onClick={clear} disabled={busy}>
              {t("cart.clear")}
            </button>
            {problems.length === 0 && (
              <a class="button" href="/checkout">
                {t("cart.checkout")}
              </a>
            )}
          </div>
          {problems.length > 0 && (
            <p class="status">
              {t("cart.fixProblems")}{" "}
              <button type="button" class="link" onClick={reload} disabled={busy}>
                {t("cart.recheck")}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
