import { useEffect } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { type CardProduct, GridPlaceholder, ProductGrid } from "../common/ProductCard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";

const SECTION_SIZE = 8;

const fromSummary = (p: Schemas["ProductSummary"]): CardProduct => ({ ...p, imageUrl: p.image?.url });
const fromProduct = (p: Schemas["Product"]): CardProduct => ({ ...p, imageUrl: p.images[0]?.url });

/** The storefront's front page: the category tree, what is trending, and picks for the reader. */
export function Home() {
  const { t, locale } = useI18n();
  useEffect(() => {
    document.title = `Tchat · ${t("home.title")}`;
  }, [t]);
  return (
    <>
      <h1 class="visually-hidden">{t("home.title")}</h1>
      <Categories />
      <Section title={t("home.trending")} id="trending" load={() => trending()} deps={[locale]} />
      <Recommended />
    </>
  );
}

async function trending(): Promise<CardProduct[]> {
  const page = await unwrap(
    api.GET("/api/v1/recommendations/trending", { params: { query: { limit: SECTION_SIZE } } }),
  );
  return page.items.map(fromSummary);
}

function Categories() {
  const { t, locale } = useI18n();
  const [categories, reload] = useApi(
    async () => (await unwrap(api.GET("/api/v1/categories", { params: { query: { locale } } }))).items,
    [locale],
  );
  return (
    <section aria-labelledby="categories-title" class="home-categories">
      <h2 id="categories-title">{t("home.categories")}</h2>
      {categories.state === "loading" && <Loading />}
      {categories.state === "error" && <ProblemNotice problem={categories.problem} onRetry={reload} />}
      {categories.state === "ready" && (
        <ul class="chips" data-testid="categories">
          {categories.data.map((c) => (
            <li key={c.id}>
              <a href={`/search?categoryId=${encodeURIComponent(c.id)}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Signed in: the reader's own recommendations; a guest: the best sellers. */
function Recommended() {
  const { t, locale } = useI18n();
  const signedIn = useSession() !== null;
  const load = signedIn
    ? async () =>
        (
          await unwrap(api.GET("/api/v1/recommendations/for-you", { params: { query: { limit: SECTION_SIZE } } }))
        ).items.map(fromSummary)
    : async () =>
        (
          await unwrap(
            api.GET("/api/v1/products", { params: { query: { sort: "best_selling", limit: SECTION_SIZE } } }),
          )
        ).items.map(fromProduct);
  return (
    <Section
      title={signedIn ? t("home.recommended") : t("home.bestSellers")}
      id="recommended"
      load={load}
      deps={[locale, signedIn]}
    />
  );
}

function Section(props: { title: string; id: string; load: () => Promise<CardProduct[]>; deps: readonly unknown[] }) {
  const [products, reload] = useApi(props.load, props.deps);
  return (
    <section aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {products.state === "loading" && <GridPlaceholder count={SECTION_SIZE} />}
      {products.state === "error" && <ProblemNotice problem={products.problem} onRetry={reload} />}
      {products.state === "ready" && <ProductGrid products={products.data} />}
    </section>
  );
}
