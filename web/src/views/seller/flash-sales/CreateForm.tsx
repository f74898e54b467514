import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi } from "../../common/use-api";
import { parseAmount } from "../../wallet/amount";

interface ItemDraft {
  productId: string;
  price: string;
  quota: string;
  limit: string;
}

const emptyItem = (): ItemDraft => ({ productId: "", price: "", quota: "", limit: "" });

/** `datetime-local` input text (the reader's local time) as an ISO instant. */
const instant = (local: string) => new Date(local).toISOString();

/**
 * The form that schedules a flash sale: a name, a window, and one or more of the shop's listed
 * products with a sale price, a quota and an optional per-buyer limit. The server checks the rest
 * (price below the product's, window in the future, no overlap) and its `detail` is shown.
 */
export function CreateFlashSaleForm({ shopId, onCreated }: { shopId: string; onCreated: () => void }) {
  const { t } = useI18n();
  const [shop] = useApi(() => unwrap(api.GET("/api/v1/shops/{id}", { params: { path: { id: shopId } } })), [shopId]);
  const [products] = useApi(
    () => unwrap(api.GET("/api/v1/products", { params: { query: { shopId, limit: 100 } } })),
    [shopId],
  );
  const [name, setName] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [endsAt, setEndsAt] = useState("");
  const [items, setItems] = useState<ItemDraft[]>([emptyItem()]);
  const { busy, problem, run } = useAction();
  const [done, setDone] = useState(false);
  const currency = shop.state === "ready" ? shop.data.currency : "THB";
  const choices: Schemas["Product"][] = products.state === "ready" ? products.data.items : [];
  const setItem = (i: number, patch: Partial<ItemDraft>) =>
    setItems((all) => all.map((item, j) => (j === i ? { ...item, ...patch } : item)));

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      setDone(false);
      const body: Schemas["CreateFlashSale"] = {
        name,
        startsAt: instant(startsAt),
        endsAt: instant(endsAt),
        items: items.map((item) => ({
          productId: item.productId,
          salePrice: { amount: parseAmount(item.price, currency) ?? -1, currency },
          quota: Number(item.quota),
          ...(item.limit ? { perUserLimit: Number(item.limit) } : {}),
        })),
      };
      await unwrap(api.POST("/api/v1/shops/{id}/flash-sales", { params: { path: { id: shopId } }, body }));
      setDone(true);
      setItems([emptyItem()]);
      onCreated();
    });
  };

  return (
    <form class="flash-form" onSubmit={submit} aria-labelledby="flash-create">
      <h2 id="flash-create">{t("flash.create")}</h2>
      <div class="field">
        <label for="flash-name">{t("flash.name")}</label>
        <input id="flash-name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={120} />
      </div>
      <div class="field">
        <label for="flash-start">{t("flash.startsAt")}</label>
        <input
          id="flash-start"
          type="datetime-local"
          value={startsAt}
          onInput={(e) => setStartsAt(e.currentTarget.value)}
          required
        />
      </div>
      <div class="field">
        <label for="flash-end">{t("flash.endsAt")}</label>
        <input
          id="flash-end"
          type="datetime-local"
          value={endsAt}
          onInput={(e) => setEndsAt(e.currentTarget.value)}
          required
        />
      </div>
      {items.map((item, i) => (
        <ItemFields
          key={i}
          index={i}
          item={item}
          currency={currency}
          choices={choices}
          onChange={(patch) => setItem(i, patch)}
          onRemove={items.length > 1 ? () => setItems((all) => all.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <button type="button" onClick={() => setItems((all) => [...all, emptyItem()])}>
        {t("flash.addItem")}
      </button>
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? t("flash.saving") : t("flash.submit")}
      </button>
      <div aria-live="polite">{done && <p role="status">{t("flash.created")}</p>}</div>
      {problem && <ProblemNotice problem={problem} />}
    </form>
  );
}

/** One product of the sale: which product, its sale price, quota and per-buyer limit. */
function ItemFields(props: {
  index: number;
  item: ItemDraft;
  currency: string;
  choices: Schemas["Product"][];
  onChange: (patch: Partial<ItemDraft>) => void;
  onRemove: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const { index, item, currency, choices, onChange, onRemove } = props;
  return (
    <fieldset class="flash-item">
      <legend>{t("flash.product")}</legend>
      <div class="field">
        <label for={`flash-product-${index}`}>{t("flash.product")}</label>
        <select
          id={`flash-product-${index}`}
          value={item.productId}
          onChange={(e) => onChange({ productId: e.currentTarget.value })}
          required
        >
          <option value="">{t("flash.choose")}</option>
          {choices.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`flash-price-${index}`}>{t("flash.salePrice", { currency })}</label>
        <input
          id={`flash-price-${index}`}
          inputMode="decimal"
          value={item.price}
          onInput={(e) => onChange({ price: e.currentTarget.value })}
          required
        />
      </div>
      <div class="field">
        <label for={`flash-quota-${index}`}>{t("flash.quota")}</label>
        <input
          id={`flash-quota-${index}`}
          inputMode="numeric"
          value={item.quota}
          onInput={(e) => onChange({ quota: e.currentTarget.value })}
          required
        />
      </div>
      <div class="field">
        <label for={`flash-limit-${index}`}>
          {t("flash.perUserLimit")} ({t("flash.optional")})
        </label>
        <input
          id={`flash-limit-${index}`}
          inputMode="numeric"
          value={item.limit}
          onInput={(e) => onChange({ limit: e.currentTarget.value })}
        />
      </div>
      {onRemove && (
        <button type="button" onClick={onRemove}>
          {t("flash.removeItem")}
        </button>
      )}
    </fieldset>
  );
}
