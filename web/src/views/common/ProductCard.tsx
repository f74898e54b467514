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
          <img src={product.imageUrl} alt="" loading="lazy" width="160" height="160" />
        ) : (
          <span class="card-noimage" aria-hidden="true" />
        )}
        <span class="card-name">{product.name}</span>
      </a>
      <span class="card-price" data-testid="price">
        {fmt.money(product.price)}
      </span>
      {product.rating.count > 0 && (
        <span class="card-rating">
          {t("product.rating", {
            average: fmt.number(Math.round(product.rating.average * 10) / 10),
            count: fmt.number(product.rating.count),
          })}
        </span>
      )}
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
