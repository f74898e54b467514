import { useEffect } from "preact/hooks";
import { useI18n } from "../../i18n";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { VerificationBadge } from "./ShopLayout";
import { loadMyShops } from "./seller-api";
import "./seller.css";

/** /seller: the shops the signed-in person owns; choosing one opens its dashboard. */
export function SellerHome() {
  const session = useRequiredSession();
  return session ? <MyShops /> : null;
}

function MyShops() {
  const { t } = useI18n();
  const [shops, reload] = useApi(loadMyShops, []);
  useEffect(() => {
    document.title = `${t("seller.title")} · Tchat`;
  }, [t]);
  useEffect(() => {
    if (shops.state === "error") forgetEndedSession(shops.problem);
  }, [shops]);
  return (
    <section class="seller" aria-labelledby="seller-title">
      <h1 id="seller-title">{t("seller.title")}</h1>
      <h2>{t("seller.myShops")}</h2>
      {shops.state === "loading" && <Loading />}
      {shops.state === "error" && <ProblemNotice problem={shops.problem} onRetry={reload} />}
      {shops.state === "ready" && shops.data.length === 0 && <p class="status">{t("seller.noShops")}</p>}
      {shops.state === "ready" && shops.data.length > 0 && (
        <ul class="seller-shops">
          {shops.data.map((shop) => (
            <li key={shop.id} data-testid="seller-shop">
              <a href={`/seller/${shop.id}`}>
                <strong>{shop.name}</strong>
                <span>
                  {shop.country} · {shop.currency}
                </span>
                <VerificationBadge status={shop.verificationStatus} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
