import type { ComponentChildren } from "preact";
import { useEffect } from "preact/hooks";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { forgetEndedSession, useRequiredSession } from "../account/guard";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { SELLER_SECTIONS } from "./sections";
import { loadShop, type Shop } from "./seller-api";
import "./seller.css";

const VERIFICATION: Record<Shop["verificationStatus"], MessageKey> = {
  pending: "seller.verificationStatus.pending",
  verified: "seller.verificationStatus.verified",
  rejected: "seller.verificationStatus.rejected",
};

export function VerificationBadge({ status }: { status: Shop["verificationStatus"] }) {
  const { t } = useI18n();
  return (
    <span class={`seller-badge ${status}`} data-testid="verification-status">
      {t(VERIFICATION[status])}
    </span>
  );
}

/**
 * Every /seller/:shopId page: the shop's name and verification status, the sections' navigation
 * (SELLER_SECTIONS), then the page itself, given the loaded shop.
 */
export function ShopLayout({
  shopId,
  current,
  children,
}: {
  shopId: string;
  current?: string;
  children: (shop: Shop) => ComponentChildren;
}) {
  const session = useRequiredSession();
  return session ? (
    <ShopFrame shopId={shopId} current={current}>
      {children}
    </ShopFrame>
  ) : null;
}

function ShopFrame({
  shopId,
  current,
  children,
}: {
  shopId: string;
  current?: string;
  children: (shop: Shop) => ComponentChildren;
}) {
  const { t } = useI18n();
  const [shop, reload] = useApi(() => loadShop(shopId), [shopId]);
  useEffect(() => {
    if (shop.state === "error") forgetEndedSession(shop.problem);
    if (shop.state === "ready") document.title = `${shop.data.name} · ${t("seller.title")} · Tchat`;
  }, [shop, t]);
  return (
    <section class="seller" aria-labelledby="shop-title">
      <p>
        <a href="/seller">{t("seller.back")}</a>
      </p>
      {shop.state === "loading" && <Loading />}
      {shop.state === "error" && <ProblemNotice problem={shop.problem} onRetry={reload} />}
      {shop.state === "ready" && (
        <>
          <h1 id="shop-title">
            {shop.data.name} <VerificationBadge status={shop.data.verificationStatus} />
          </h1>
          <nav class="seller-sections" aria-label={t("seller.sections")}>
            {SELLER_SECTIONS.map((section) => (
              <a
                key={section.path}
                href={`/seller/${shopId}/${section.path}`}
                aria-current={current === section.path ? "page" : undefined}
              >
                {t(section.labelKey)}
              </a>
            ))}
          </nav>
          {children(shop.data)}
        </>
      )}
    </section>
  );
}
