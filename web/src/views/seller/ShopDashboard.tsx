import { useRoute } from "preact-iso";
import { useI18n } from "../../i18n";
import { ShopLayout } from "./ShopLayout";

/** /seller/:shopId: the chosen shop, with the navigation to each section. */
export function ShopDashboard() {
  const { params } = useRoute();
  const { t } = useI18n();
  return (
    <ShopLayout shopId={params.shopId}>
      {(shop) => (
        <p class="status">{t("seller.dashboard.intro", { country: shop.country, currency: shop.currency })}</p>
      )}
    </ShopLayout>
  );
}
