import { useLocation } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { minorDigits } from "../../format";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { useApi } from "../common/use-api";
import { CURRENCIES, type Currency, type SearchState, SORTS, type Sort, searchHref } from "./search-params";

type Category = Schemas["Category"];

/** Category names by id, sub-categories included, in the reader's language (facets carry only ids). */
export function useCategoryNames(): Map<string, string> {
  const { locale } = useI18n();
  const [tree] = useApi(
    async () => (await unwrap(api.GET("/api/v1/categories", { params: { query: { locale } } }))).items,
    [locale],
  );
  const names = new Map<string, string>();
  const walk = (list: Category[]) => {
    for (const c of list) {
      names.set(c.id, c.name);
      walk(c.children);
    }
  };
  if (tree.state === "ready") walk(tree.data);
  return names;
}

const SORT_LABEL: Record<Sort, MessageKey> = {
  relevance: "store.sortRelevance",
  newest: "store.sortNewest",
  price_asc: "store.sortPriceAsc",
  price_desc: "store.sortPriceDesc",
  rating: "store.sortRating",
  best_selling: "store.sortBestSelling",
};

/** Sort, and the facets the API counts over the whole match set (category, brand), and a price range. */
export function Facets(props: {
  state: SearchState;
  result: Schemas["SearchResult"];
  categoryNames: Map<string, string>;
}) {
  const { t } = useI18n();
  const { route } = useLocation();
  const { state, result, categoryNames } = props;
  const { query } = state;
  return (
    <div class="facets" data-testid="facets">
      <label class="sort">
        {t("store.sortBy")}{" "}
        <select
          value={query.sort ?? "relevance"}
          onChange={(e) => {
            const sort = (e.currentTarget as HTMLSelectElement).value as Sort;
            route(searchHref(state, { sort: sort === "relevance" ? undefined : sort }));
          }}
        >
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(SORT_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      <FacetGroup
        title={t("store.facetCategory")}
        testId="facet-category"
        current={query.categoryId}
        values={result.facets.categories.map((c) => ({
          value: c.id,
          label: categoryNames.get(c.id) ?? c.id,
          count: c.count,
        }))}
        href={(categoryId) => searchHref(state, { categoryId })}
      />
      <FacetGroup
        title={t("store.facetBrand")}
        testId="facet-brand"
        current={query.brand}
        values={result.facets.brands.map((b) => ({ value: b.value, label: b.value, count: b.count }))}
        href={(brand) => searchHref(state, { brand })}
      />
      <PriceRange state={state} />
    </div>
  );
}

function FacetGroup(props: {
  title: string;
  testId: string;
  current: string | undefined;
  values: { value: string; label: string; count: number }[];
  href: (value: string | undefined) => string;
}) {
  const { t, fmt } = useI18n();
  if (props.values.length === 0 && props.current === undefined) return null;
  return (
    <fieldset class="facet" data-testid={props.testId}>
      <legend>{props.title}</legend>
      <ul class="chips">
        {props.values.map((v) => (
          <li key={v.value}>
            <a href={props.href(v.value)} aria-current={v.value === props.current ? "true" : undefined}>
              {v.label} <span class="count">({fmt.number(v.count)})</span>
            </a>
          </li>
        ))}
        {props.current !== undefined && (
          <li>
            <a href={props.href(undefined)} class="clear">
              {t("store.facetAny")}
            </a>
          </li>
        )}
      </ul>
    </fieldset>
  );
}

/** Prices are filtered in one currency (the API's amounts are minor units of it): typed in whole units here. */
function PriceRange({ state }: { state: SearchState }) {
  const { t } = useI18n();
  const { route } = useLocation();
  const { query } = state;
  const toMajor = (minor: number | undefined, currency: Currency) =>
    minor === undefined ? "" : String(minor / 10 ** minorDigits(currency));
  const shown = query.currency ?? "THB";
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const currency = (form.get("currency")?.toString() || undefined) as Currency | undefined;
    const minor = (name: string) => {
      const text = form.get(name)?.toString().trim() ?? "";
      const value = Number(text);
      return text === "" || !Number.isFinite(value) || value < 0 || !currency
        ? undefined
        : Math.round(value * 10 ** minorDigits(currency));
    };
    route(searchHref(state, { currency, minPrice: minor("minPrice"), maxPrice: minor("maxPrice") }));
  };
  return (
    <form class="facet price" onSubmit={onSubmit} data-testid="facet-price">
      <fieldset>
        <legend>{t("store.facetPrice")}</legend>
        <label>
          {t("store.currency")}{" "}
          <select name="currency" value={query.currency ?? ""}>
            <option value="">{t("store.facetAny")}</option>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("store.minPrice")}{" "}
          <input
            name="minPrice"
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            defaultValue={toMajor(query.minPrice, shown)}
          />
        </label>
        <label>
          {t("store.maxPrice")}{" "}
          <input
            name="maxPrice"
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            defaultValue={toMajor(query.maxPrice, shown)}
          />
        </label>
        <button type="submit">{t("store.apply")}</button>
        <p class="status">{t("store.priceHint")}</p>
      </fieldset>
    </form>
  );
}
