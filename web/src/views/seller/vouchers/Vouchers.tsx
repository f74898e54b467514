import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useI18n } from "../../../i18n";
import { useRequiredSession } from "../../account/guard";
import { Loading, ProblemNotice } from "../../common/Status";
import { useApi } from "../../common/use-api";
import { VoucherForm } from "./VoucherForm";
import { VoucherRow } from "./VoucherRow";
import { deactivateVoucher, loadShop, loadVouchers, type Voucher } from "./voucher-api";
import "../../orders/commerce.css";
import "./vouchers.css";
import { useAction } from "../../common/use-action";

/** /seller/:shopId/vouchers: the shop's vouchers (newest first), a form for a new one, and deactivating. */
export function Vouchers() {
  const session = useRequiredSession();
  const { t, locale } = useI18n();
  const { params } = useRoute();
  const shopId = params.shopId ?? "";
  useEffect(() => {
    document.title = `${t("sellerVouchers.title")} · Tchat`;
  }, [t]);
  const [loaded, reload] = useApi(
    async () => (session ? Promise.all([loadShop(shopId), loadVouchers(shopId)]) : null),
    [shopId, locale, session?.accessToken],
  );
  if (!session) return null;
  return (
    <section class="seller-vouchers narrow" aria-labelledby="vouchers-title">
      <p>
        <a href="/seller">{t("sellerVouchers.back")}</a>
      </p>
      <h1 id="vouchers-title">{t("sellerVouchers.title")}</h1>
      <p class="hint">{t("sellerVouchers.intro")}</p>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && <ProblemNotice problem={loaded.problem} onRetry={reload} />}
      {loaded.state === "ready" && loaded.data && (
        <VoucherBoard
          key={shopId}
          shopId={shopId}
          currency={loaded.data[0].currency}
          first={loaded.data[1].items}
          cursor={loaded.data[1].nextCursor}
        />
      )}
    </section>
  );
}

interface BoardProps {
  shopId: string;
  currency: string;
  first: Voucher[];
  cursor: string | null;
}

/** The list, kept here so a new or deactivated voucher shows at once without reloading the page. */
function VoucherBoard({ shopId, currency, first, cursor: firstCursor }: BoardProps) {
  const { t } = useI18n();
  const [vouchers, setVouchers] = useState(first);
  const [cursor, setCursor] = useState(firstCursor);
  const { busy, running, problem, run } = useAction<string>();
  const replace = (v: Voucher) => setVouchers((list) => list.map((x) => (x.id === v.id ? v : x)));
  const deactivate = async (v: Voucher) => {
    await run(async () => {
      replace(await deactivateVoucher(v.id));
    }, v.id);
  };
  const more = async () => {
    if (!cursor) return;
    await run(async () => {
      const page = await loadVouchers(shopId, cursor);
      setVouchers((list) => [...list, ...page.items]);
      setCursor(page.nextCursor);
    }, "more");
  };
  return (
    <>
      <VoucherForm shopId={shopId} currency={currency} onCreated={(v) => setVouchers((list) => [v, ...list])} />
      <h2 id="voucher-list-title">{t("sellerVouchers.list")}</h2>
      {problem && <ProblemNotice problem={problem} />}
      {vouchers.length === 0 && <p class="status">{t("sellerVouchers.none")}</p>}
      <ul class="voucher-list" aria-labelledby="voucher-list-title">
        {vouchers.map((v) => (
          <VoucherRow key={v.id} voucher={v} busy={running === v.id} onDeactivate={() => deactivate(v)} />
        ))}
      </ul>
      {cursor && (
        <button type="button" class="more" onClick={more} disabled={busy} aria-busy={running === "more"}>
          {running === "more" ? t("app.loading") : t("sellerVouchers.more")}
        </button>
      )}
    </>
  );
}
