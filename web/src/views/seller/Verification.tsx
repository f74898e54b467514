import { useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import { ShopLayout } from "./ShopLayout";
import { loadVerification, submitVerification, uploadDocument, type VerificationState } from "./seller-api";

/** /seller/:shopId/verification: upload business documents (private) and send them for review. */
export function Verification() {
  const { params } = useRoute();
  return (
    <ShopLayout shopId={params.shopId} current="verification">
      {() => <VerificationOf shopId={params.shopId} />}
    </ShopLayout>
  );
}

function VerificationOf({ shopId }: { shopId: string }) {
  const { t } = useI18n();
  const [state, reload] = useApi(() => loadVerification(shopId), [shopId]);
  return (
    <>
      <h2>{t("seller.verification")}</h2>
      {state.state === "loading" && <Loading />}
      {state.state === "error" && <ProblemNotice problem={state.problem} onRetry={reload} />}
      {state.state === "ready" && <Latest state={state.data} />}
      {state.state === "ready" && state.data.verificationStatus !== "verified" && (
        <Documents shopId={shopId} state={state.data} onChange={reload} />
      )}
    </>
  );
}

function Latest({ state }: { state: VerificationState }) {
  const { t, fmt } = useI18n();
  const latest = state.latestRequest;
  if (!latest) return <p class="status">{t("seller.verification.none")}</p>;
  return (
    <div class="seller-card" data-testid="verification-request">
      <p>
        {t("seller.verification.latest", { date: fmt.dateTime(latest.createdAt) })}{" "}
        <strong>{t(`seller.verification.request.${latest.status}` as MessageKey)}</strong>
      </p>
      {latest.reviewNote && <p>{t("seller.verification.note", { note: latest.reviewNote })}</p>}
    </div>
  );
}

function Documents({ shopId, state, onChange }: { shopId: string; state: VerificationState; onChange: () => void }) {
  const { t } = useI18n();
  const { busy, problem, run: act } = useAction();
  const [message, setMessage] = useState("");
  const run = (action: () => Promise<unknown>) =>
    act(async () => {
      await action();
      onChange();
    });
  const pendingReview = state.latestRequest?.status === "pending";
  const docs = state.unsubmittedDocuments;
  return (
    <form
      class="seller-card"
      onSubmit={(e) => {
        e.preventDefault();
        void run(() =>
          submitVerification(
            shopId,
            docs.map((d) => d.id),
            message,
          ),
        );
      }}
    >
      <p>{t("seller.verification.help")}</p>
      <label for="doc-file">{t("seller.verification.file")}</label>
      <input
        id="doc-file"
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        disabled={busy}
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void run(() => uploadDocument(shopId, file));
        }}
      />
      {busy && (
        <p role="status" aria-live="polite">
          {t("seller.verification.working")}
        </p>
      )}
      <h3>{t("seller.verification.documents")}</h3>
      {docs.length === 0 ? (
        <p class="status">{t("seller.verification.noDocuments")}</p>
      ) : (
        <ul data-testid="verification-documents">
          {docs.map((d) => (
            <li key={d.id}>
              {d.contentType} · {Math.ceil(d.size / 1024)} KB
            </li>
          ))}
        </ul>
      )}
      <label for="doc-message">{t("seller.verification.message")}</label>
      <textarea id="doc-message" value={message} maxLength={1000} onInput={(e) => setMessage(e.currentTarget.value)} />
      <button type="submit" disabled={busy || docs.length === 0 || pendingReview}>
        {t("seller.verification.submit")}
      </button>
      {pendingReview && <p class="status">{t("seller.verification.waiting")}</p>}
      {problem && <ProblemNotice problem={problem} />}
    </form>
  );
}
