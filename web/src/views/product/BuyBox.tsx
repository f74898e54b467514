import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { reportCart } from "../common/cart-count";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { type Stock, stockOf } from "./stock";

type Variant = Schemas["ProductVariant"];

/** Each variant's price and stock follow it; the reader picks one (radio buttons), then adds it to the cart. */
export function BuyBox(props: {
  product: Schemas["Product"];
  variant: Variant | undefined;
  stock: Stock;
  available: number;
  onChoose: (variantId: string) => void;
  onStockChanged: () => void;
}) {
  const { t, fmt } = useI18n();
  const { product, variant, available } = props;
  const {
    busy: adding,
    problem,
    setProblem,
    run,
  } = useAction({
    // The server found less stock than the page showed: show the live levels beside its words.
    onProblem: (p) => {
      if (p.code === "insufficient_stock") props.onStockChanged();
    },
  });
  const [added, setAdded] = useState(false);
  const add = async () => {
    await run(async () => {
      setAdded(false);
      const cart = await unwrap(
        api.POST("/api/v1/cart/items", { body: { productId: product.id, variantId: variant?.id, quantity: 1 } }),
      );
      reportCart(cart);
      setAdded(true);
    });
  };
  return (
    <div class="buybox">
      {product.variants.length > 0 && (
        <fieldset class="variants">
          <legend>{t("store.variant")}</legend>
          {product.variants.map((v) => {
            const left = stockOf(props.stock, v.id);
            return (
              <label key={v.id} class="variant">
                <input
                  type="radio"
                  name="variant"
                  value={v.id}
                  checked={v.id === variant?.id}
                  onChange={() => {
                    setAdded(false);
                    setProblem(null);
                    props.onChoose(v.id);
                  }}
                />
                <span>{v.name}</span>
                <span class="variant-price">{fmt.money(v.price)}</span>
                {left <= 0 && <span class="card-out">{t("product.unavailable")}</span>}
              </label>
            );
          })}
        </fieldset>
      )}
      <p class={available > 0 ? "stock" : "stock card-out"} data-testid="availability" aria-live="polite">
        {available > 0 ? t("store.inStock", { count: fmt.number(available) }) : t("product.unavailable")}
      </p>
      <button type="button" class="primary" onClick={add} disabled={adding || available <= 0} aria-busy={adding}>
        {adding ? t("store.adding") : t("store.addToCart")}
      </button>
      <div aria-live="polite">
        {added && (
          <p class="added" role="status">
            {t("store.added")} <a href="/cart">{t("store.viewCart")}</a>
          </p>
        )}
      </div>
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
