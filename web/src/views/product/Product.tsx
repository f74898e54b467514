import { useEffect } from "preact/hooks";
import { useLocation, useRoute } from "preact-iso";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProductGrid } from "../common/ProductCard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { BuyBox } from "./BuyBox";
import { FlashSaleBox } from "./FlashSale";
import { Gallery } from "./Gallery";
import { Reviews } from "./Reviews";
import { ShopPanel } from "./ShopPanel";
import { stockOf, useLiveStock } from "./stock";

/** /p/:productId: everything a buyer needs to decide, with live stock, reviews, similar products and the shop. */
export function ProductPage() {
  const { params } = useRoute();
  const { locale } = useI18n();
  const id = params.productId ?? "";
  const [product, reload] = useApi(
    () => unwrap(api.GET("/api/v1/products/{id}", { params: { path: { id }, query: { locale } } })),
    [id, locale],
  );
  useEffect(() => {
    // The product read is edge-cached and counts no views: recommendations learn of them only here.
    api.POST("/api/v1/products/{id}/views", { params: { path: { id } } }).catch(() => undefined);
  }, [id]);
  if (product.state === "loading") return <Loading />;
  if (product.state === "error") return <ProblemNotice problem={product.problem} onRetry={reload} />;
  return <ProductView key={product.data.id} product={product.data} />;
}

function ProductView({ product }: { product: Schemas["Product"] }) {
  const { t, fmt, locale } = useI18n();
  const { query, path, route } = useLocation();
  const [stock, refreshStock] = useLiveStock(product);
  const variant = product.variants.find((v) => v.id === query.variant) ?? product.variants[0];
  useEffect(() => {
    document.title = `${product.name} · Tchat`;
  }, [product.name]);
  // The chosen variant lives in the URL (replacing, not adding, history), so a reload keeps it.
  const choose = (variantId: string) => route(`${path}?variant=${encodeURIComponent(variantId)}`, true);
  const price = variant?.price ?? product.price;
  const sale = variant ? variant.flashSale : product.flashSale;
  const available = stockOf(stock, variant?.id);
  return (
    <article class="product" aria-labelledby="product-title" lang={locale}>
      <Gallery images={product.images} name={product.name} />
      <div class="product-info">
        <h1 id="product-title">{product.name}</h1>
        {product.brand && <p class="status">{product.brand}</p>}
        {sale ? (
          <FlashSaleBox sale={sale} normal={price} />
        ) : (
          <p class="product-price" data-testid="product-price">
            {fmt.money(price)}
          </p>
        )}
        {product.rating.count > 0 && (
          <p class="status">
            {t("product.rating", {
              average: fmt.number(Math.round(product.rating.average * 10) / 10),
              count: fmt.number(product.rating.count),
            })}
          </p>
        )}
        <BuyBox
          product={product}
          variant={variant}
          stock={stock}
          available={available}
          onChoose={choose}
          onStockChanged={refreshStock}
        />
      </div>
      <section aria-labelledby="description-title" class="product-description">
        <h2 id="description-title">{t("store.description")}</h2>
        <p>{product.description}</p>
        {Object.keys(product.attributes).length > 0 && (
          <dl class="attributes">
            {Object.entries(product.attributes).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <ShopPanel shopId={product.shopId} />
      <Reviews productId={product.id} />
      <Similar productId={product.id} />
    </article>
  );
}

function Similar({ productId }: { productId: string }) {
  const { t, locale } = useI18n();
  const [similar, reload] = useApi(
    async () =>
      (
        await unwrap(
          api.GET("/api/v1/products/{id}/similar", { params: { path: { id: productId }, query: { limit: 8 } } }),
        )
      ).items.map((p) => ({ ...p, imageUrl: p.image?.url })),
    [productId, locale],
  );
  return (
    <section aria-labelledby="similar-title" data-testid="similar">
      <h2 id="similar-title">{t("store.similar")}</h2>
      {similar.state === "loading" && <Loading />}
      {similar.state === "error" && <ProblemNotice problem={similar.problem} onRetry={reload} />}
      {similar.state === "ready" && <ProductGrid products={similar.data} />}
    </section>
  );
}
