import { useEffect, useState } from "preact/hooks";
import { api, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";

/**
 * The transaction's printable receipt (GET /wallet/transactions/:id/receipt). It needs the bearer
 * token, which a plain link cannot carry, so the page fetches it and opens the HTML as a blob in a
 * new tab; when the browser blocks that tab, the blob is offered as a link instead.
 */
export function ReceiptLink({ id }: { id: string }) {
  const { t } = useI18n();
  const { busy, problem, run } = useAction();
  const [blocked, setBlocked] = useState<string | null>(null);
  // The blob lives as long as the page offers it.
  useEffect(() => () => void (blocked && URL.revokeObjectURL(blocked)), [blocked]);
  const open = async () => {
    await run(async () => {
      // openapi-fetch reads a refusal as problem+json whatever parseAs says: unwrap keeps its detail.
      const html = await unwrap(
        api.GET("/api/v1/wallet/transactions/{id}/receipt", { params: { path: { id } }, parseAs: "text" }),
      );
      const url = URL.createObjectURL(new Blob([html], { type: "text/html;charset=utf-8" }));
      if (window.open(url, "_blank")) setTimeout(() => URL.revokeObjectURL(url), 60_000);
      else setBlocked(url);
    });
  };
  return (
    <div class="wallet-links">
      <button type="button" onClick={open} disabled={busy} aria-busy={busy} data-testid="tx-receipt">
        {busy ? t("wallet.tx.receiptOpening") : t("wallet.tx.receipt")}
      </button>
      {blocked && (
        <a href={blocked} target="_blank" rel="noopener">
          {t("wallet.tx.receiptBlocked")}
        </a>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </div>
  );
}
