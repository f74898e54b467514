import type { Money } from "../../format";
import { useI18n } from "../../i18n";

export interface CardProduct {
  id: string;
  name: string;
  price: Money;
  rating: { average: number; count: number };
  available: number;
  imageUrl?: string | null;
}

/** One product in a grid: links to its page (/p/:id), price in the shop's currency, the reader's number format. */
export function ProductCard({ product }: { product: CardProduct }) {
  const { t, fmt } = useI18n();
  return (
    <li class="card">
      <a href={`/p/${encodeURIComponent(product.id)}`}>
        {product.imageUrl ? (
          <img src={product.imageUrl} alt="" loading="lazy" decoding="async" width="160" height="160" />
        ) : (
          <span class="card-noimage" aria-hidden="true" />
        )}
        <span class="card-name">{product.name}</span>
      </a>
      <span class="card-price" data-testid="price">
        {fmt.money(product.price)}
      </span>
      {/* Always there (empty without reviews): every card is as tall as the placeholders it replaces. */}
      <span class="card-rating">
        {product.rating.count > 0 &&
          t("product.rating", {
            average: fmt.number(Math.round(product.rating.average * 10) / 10),
            count: fmt.number(product.rating.count),
          })}
      </span>
      {product.available <= 0 && <span class="card-out">{t("product.unavailable")}</span>}
    </li>
  );
}

export function ProductGrid({ products }: { products: CardProduct[] }) {
  const { t } = useI18n();
  if (products.length === 0) return <p class="status">{t("home.empty")}</p>;
  return (
    <ul class="grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}

/**
 * What a product grid shows while it loads: `count` empty cards the size of real ones, so nothing
 * below moves when the products arrive (layout shift, Lighthouse's CLS); announced as loading.
 */
export function GridPlaceholder({ count }: { count: number }) {
  const { t } = useI18n();
  return (
    <>
      <p class="visually-hidden" role="status">
        {t("app.loading")}
      </p>
      <ul class="grid" aria-hidden="true" data-testid="grid-placeholder">
        {Array.from({ length: count }, (_, i) => (
          <li key={i} class="card card-placeholder">
            <span class="card-noimage" />
            <span class="card-name" />
            <span class="card-price" />
            <span class="card-rating" />
          </li>
        ))}
      </ul>
    </>
  );
}
