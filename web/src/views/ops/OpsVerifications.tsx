import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { Loading, ProblemNotice } from "../common/Status";
import { useAction } from "../common/use-action";
import { useApi } from "../common/use-api";
import { OpsLayout } from "./OpsLayout";

type Request = Schemas["ShopVerificationRequest"];
type Document = Schemas["ShopDocument"];

const STATUS_KEYS: Record<Request["status"], MessageKey> = {
  pending: "opsPay.statusPending",
  approved: "opsPay.statusApproved",
  rejected: "opsPay.statusRejected",
};

/** /ops/verifications: the shop verification queue, oldest first; read the documents, approve or reject. */
export function OpsVerifications() {
  return <OpsLayout current="verifications">{() => <VerificationQueue />}</OpsLayout>;
}

function VerificationQueue() {
  const { t } = useI18n();
  const [page, reload] = useApi(
    () => unwrap(api.GET("/api/v1/admin/shop-verifications", { params: { query: { status: "pending" } } })),
    [],
  );
  if (page.state === "loading") return <Loading />;
  if (page.state === "error") return <ProblemNotice problem={page.problem} onRetry={reload} />;
  return (
    <div class="ops-verifications">
      {page.data.items.length === 0 && <p class="status">{t("opsPay.noRequests")}</p>}
      <ul class="ops-list">
        {page.data.items.map((request) => (
          <VerificationCard key={request.id} request={request} />
        ))}
      </ul>
      <button type="button" onClick={reload}>
        {t("ops.refresh")}
      </button>
    </div>
  );
}

function VerificationCard({ request }: { request: Request }) {
  const { t, fmt } = useI18n();
  const [note, setNote] = useState("");
  const { busy, problem, run } = useAction();
  const [decided, setDecided] = useState<Request | null>(null);
  const decide = async (verdict: "approve" | "reject") => {
    await run(async () => {
      const params = { path: { id: request.id } };
      const body = note.trim() ? { note: note.trim() } : {};
      setDecided(
        await unwrap(
          verdict === "approve"
            ? api.POST("/api/v1/admin/shop-verifications/{id}/approve", { params, body })
            : api.POST("/api/v1/admin/shop-verifications/{id}/reject", { params, body }),
        ),
      );
    });
  };
  const noteId = `ops-verify-note-${request.id}`;
  return (
    <li class="ops-card" data-testid="ops-verification" data-id={request.id}>
      <h2>{request.shopName}</h2>
      <p>
        {t("opsPay.shop")}: {request.shopId} · {fmt.dateTime(request.createdAt)}
      </p>
      {request.message && (
        <p>
          {t("opsPay.message")}: {request.message}
        </p>
      )}
      <ul>
        {request.documents.map((doc, i) => (
          <li key={doc.id}>
            <DocumentButton doc={doc} n={i + 1} />
          </li>
        ))}
      </ul>
      {decided ? (
        <p class="status" role="status" data-testid="ops-verification-decided">
          {t("opsPay.decided", { status: t(STATUS_KEYS[decided.status]) })}
        </p>
      ) : (
        <div class="ops-form" aria-busy={busy}>
          <label for={noteId}>{t("opsPay.note")}</label>
          <input id={noteId} value={note} maxLength={500} onInput={(e) => setNote(e.currentTarget.value)} />
          <button type="button" disabled={busy} onClick={() => void decide("approve")}>
            {t("opsPay.approve")}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide("reject")}>
            {t("opsPay.reject")}
          </button>
          {busy && <span role="status">{t("opsPay.working")}</span>}
        </div>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </li>
  );
}

/**
 * A private document: its url answers only with the admin's bearer token, which a plain link cannot
 * send, so the bytes are fetched through the API client and opened from a blob: URL. The tab is
 * opened at the click (a popup opened after an await would be blocked) and pointed at the blob after.
 */
function DocumentButton({ doc, n }: { doc: Document; n: number }) {
  const { t } = useI18n();
  const { busy, problem, run } = useAction();
  const [href, setHref] = useState<string | null>(null);
  const open = async () => {
    const tab = window.open("", "_blank");
    const opened = await run(async () => {
      const data = await unwrap(
        api.GET("/api/v1/shops/{id}/verification/documents/{documentId}", {
          params: { path: { id: doc.shopId, documentId: doc.id } },
          parseAs: "blob",
        }),
      );
      const url = URL.createObjectURL(new Blob([data], { type: doc.contentType }));
      setHref(url);
      if (tab) tab.location.href = url;
    });
    if (!opened) tab?.close();
  };
  const label = t("opsPay.openDocument", { n: String(n) });
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void open()} aria-label={label}>
        {busy ? t("opsPay.working") : t("opsPay.document", { n: String(n), type: doc.contentType })}
      </button>
      {href && (
        <a href={href} target="_blank" rel="noopener">
          {label}
        </a>
      )}
      {problem && <ProblemNotice problem={problem} />}
    </>
  );
}
