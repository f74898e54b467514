import { useEffect } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, type Schemas, unwrap } from "../../../api/client";
import { useI18n } from "../../../i18n";
import { useRequiredSession } from "../../account/guard";
import { Loading, ProblemNotice } from "../../common/Status";
import { useAction } from "../../common/use-action";
import { useApi } from "../../common/use-api";
import { CreateFlashSaleForm } from "./CreateForm";

type FlashSale = Schemas["FlashSale"];

/** /seller/:shopId/flash-sales: the shop's sales (newest first) and a form to schedule one. */
export function FlashSales() {
  const session = useRequiredSession();
  const { t } = useI18n();
  const shopId = useRoute().params.shopId ?? "";
  useEffect(() => {
    document.title = `${t("flash.title")} · Tchat`;
  }, [t]);
  const [sales, reload] = useApi(
    () => unwrap(api.GET("/api/v1/shops/{id}/flash-sales", { params: { path: { id: shopId }, query: { limit: 50 } } })),
    [shopId, session?.accessToken],
  );
  if (!session) return null;
  return (
    <section class="narrow" aria-labelledby="flash-title">
      <h1 id="flash-title">{t("flash.title")}</h1>
      {sales.state === "loading" && <Loading />}
      {sales.state === "error" && <ProblemNotice problem={sales.problem} onRetry={reload} />}
      {sales.state === "ready" &&
        (sales.data.items.length === 0 ? (
          <p class="status">{t("flash.none")}</p>
        ) : (
          <ul class="flash-list" data-testid="flash-sales">
            {sales.data.items.map((sale) => (
              <SaleRow key={sale.id} sale={sale} onChanged={reload} />
            ))}
          </ul>
        ))}
      <CreateFlashSaleForm shopId={shopId} onCreated={reload} />
    </section>
  );
}

function SaleRow({ sale, onChanged }: { sale: FlashSale; onChanged: () => void }) {
  const { t, fmt } = useI18n();
  const { busy, problem, run } = useAction();
  const cancel = async () => {
    await run(async () => {
      await unwrap(api.POST("/api/v1/flash-sales/{id}/cancel", { params: { path: { id: sale.id } } }));
      onChanged();
    });
  };
  return (
    <li class="flash-row">
      <h2>
        {sale.name} <span class="status">{t(`flash.status.${sale.status}`)}</span>
      </h2>
      <p class="status">{t("flash.window", { start: fmt.dateTime(sale.startsAt), end: fmt.dateTime(sale.endsAt) })}</p>
      <ul>
        {sale.items.map((item) => (
          <li key={`${item.productId}/${item.variantId ?? ""}`}>
            {t("flash.itemLine", {
              product: item.productId,
              price: fmt.money(item.salePrice),
              sold: fmt.number(item.sold),
              quota: fmt.number(item.quota),
            })}
          </li>
        ))}
      </ul>
      {sale.status === "upcoming" && (
        <button type="button" onClick={cancel} disabled={busy} aria-busy={busy}>
          {busy ? t("flash.cancelling") : t("flash.cancel")}
        </button>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </li>
  );
}
