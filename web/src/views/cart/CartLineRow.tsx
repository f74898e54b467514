import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import type { CartLine, CartProblem } from "./cart-api";

const PROBLEM_TEXT: Record<CartProblem["code"], MessageKey> = {
  out_of_stock: "cart.problem.outOfStock",
  price_changed: "cart.problem.priceChanged",
  unavailable: "cart.problem.unavailable",
};

interface Props {
  line: CartLine;
  problem?: CartProblem;
  busy: boolean;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}

/** One cart line: name, unit price, a quantity stepper (bounded by stock), its total and any problem. */
export function CartLineRow({ line, problem, busy, onQuantity, onRemove }: Props) {
  const { t, fmt } = useI18n();
  const max = Math.max(line.available, line.quantity);
  const label = `${line.name}${line.variantName ? ` (${line.variantName})` : ""}`;
  return (
    <li class="line" data-testid="cart-line">
      {line.image ? (
        <img src={line.image} alt="" width="64" height="64" loading="lazy" />
      ) : (
        <span class="line-noimage" aria-hidden="true" />
      )}
      <div class="line-body">
        <a href={`/p/${encodeURIComponent(line.productId)}`} class="line-name">
          {label}
        </a>
        <span class="status">{t("cart.unitPrice", { price: fmt.money(line.unitPrice) })}</span>
        <fieldset class="stepper">
          <legend class="visually-hidden">{t("cart.quantityOf", { name: label })}</legend>
          <button
            type="button"
            aria-label={t("cart.decrease")}
            disabled={busy || line.quantity <= 1}
            onClick={() => onQuantity(line.quantity - 1)}
          >
            −
          </button>
          <output aria-live="polite" data-testid="quantity">
            {fmt.number(line.quantity)}
          </output>
          <button
            type="button"
            aria-label={t("cart.increase")}
            disabled={busy || line.quantity >= max}
            onClick={() => onQuantity(line.quantity + 1)}
          >
            +
          </button>
          <button type="button" class="link" disabled={busy} onClick={onRemove}>
            {t("cart.remove")}
          </button>
        </fieldset>
        {problem && (
          <p class="problem" role="alert">
            {t(PROBLEM_TEXT[problem.code], {
              available: fmt.number(problem.available ?? line.available),
              price: problem.unitPrice ? fmt.money(problem.unitPrice) : fmt.money(line.unitPrice),
            })}
          </p>
        )}
      </div>
      <span class="line-total" data-testid="line-total">
        {fmt.money(line.lineTotal)}
      </span>
    </li>
  );
}
