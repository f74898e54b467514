import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { CsvUpload } from "./CsvUpload";
import { ShopLayout } from "./ShopLayout";
import { loadShopProducts, type ProductStatus } from "./seller-api";

const TABS: { status: ProductStatus | undefined; labelKey: MessageKey }[] = [
  { status: undefined, labelKey: "seller.status.all" },
  { status: "draft", labelKey: "seller.status.draft" },
  { status: "active", labelKey: "seller.status.active" },
  { status: "archived", labelKey: "seller.status.archived" },
];

/** /seller/:shopId/products: the shop's products by status, and the bulk price and stock CSV. */
export function Products() {
  const { params } = useRoute();
  return (
    <ShopLayout shopId={params.shopId} current="products">
      {() => <ProductsOf shopId={params.shopId} />}
    </ShopLayout>
  );
}

function ProductsOf({ shopId }: { shopId: string }) {
  const { t, fmt, locale } = useI18n();
  const [status, setStatus] = useState<ProductStatus | undefined>(undefined);
  const [products, reload] = useApi(() => loadShopProducts(shopId, status), [shopId, status, locale]);
  return (
    <>
      <h2>{t("seller.products")}</h2>
      <div class="seller-tabs" role="tablist" aria-label={t("seller.products.byStatus")}>
        {TABS.map((tab) => (
          <button
            key={tab.labelKey}
            type="button"
            role="tab"
            aria-selected={status === tab.status}
            onClick={() => setStatus(tab.status)}
          >
            {t(tab.labelKey)}
          </button>
        ))}
      </div>
      {products.state === "loading" && <Loading />}
      {products.state === "error" && <ProblemNotice problem={products.problem} onRetry={reload} />}
      {products.state === "ready" && products.data.items.length === 0 && (
        <p class="status">{t("seller.products.none")}</p>
      )}
      {products.state === "ready" && products.data.items.length > 0 && (
        <table class="seller-table" data-testid="seller-products">
          <thead>
            <tr>
              <th scope="col">{t("seller.products.name")}</th>
              <th scope="col">{t("seller.csv.sku")}</th>
              <th scope="col">{t("seller.products.price")}</th>
              <th scope="col">{t("seller.products.available")}</th>
              <th scope="col">{t("seller.products.status")}</th>
            </tr>
          </thead>
          <tbody>
            {products.data.items.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.sku}</td>
                <td>{fmt.money(p.price)}</td>
                <td>{p.available}</td>
                <td>{t(`seller.status.${p.status}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CsvUpload shopId={shopId} onApplied={reload} />
    </>
  );
}
