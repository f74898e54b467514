import { useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { OpsLayout } from "./OpsLayout";

type AuditEvent = Schemas["AuditEvent"];

/** The audit event types an operator filters by most (the log holds a few more; "all" shows them). */
const TYPES = [
  "sign_in",
  "sign_in_failed",
  "otp_failed",
  "otp_locked",
  "refresh_token_reused",
  "password_changed",
  "account_suspended",
  "account_reinstated",
  "account_deleted",
  "data_exported",
  "wallet_standing_changed",
  "shop_verification_approved",
  "shop_verification_rejected",
  "mfa_enabled",
  "mfa_disabled",
  "mfa_failed",
  "mfa_recovery_code_used",
];

const PAGE = 50;

/** /ops/audit: the security audit log, filtered by type, with the hash chain's verification. */
export function Audit() {
  return (
    <OpsLayout current="audit">
      {() => (
        <>
          <Verification />
          <Events />
        </>
      )}
    </OpsLayout>
  );
}

function Verification() {
  const { t, fmt } = useI18n();
  const [report, reload] = useApi(() => unwrap(api.GET("/api/v1/admin/audit-events/verify")), []);
  return (
    <div class="ops-audit-chain" aria-live="polite">
      <h2>{t("ops.audit.chain")}</h2>
      {report.state === "loading" && <Loading />}
      {report.state === "error" && <ProblemNotice problem={report.problem} onRetry={reload} />}
      {report.state === "ready" && (
        <p>
          <strong class={`ops-state ${report.data.valid ? "ok" : "failed"}`} data-testid="audit-verification">
            {report.data.valid ? t("ops.audit.valid") : t("ops.audit.broken", { id: report.data.firstBrokenId ?? "" })}
          </strong>{" "}
          <span class="muted">{t("ops.audit.checked", { count: fmt.number(report.data.checked) })}</span>
        </p>
      )}
      <button type="button" onClick={reload} disabled={report.state === "loading"}>
        {t("ops.audit.verify")}
      </button>
    </div>
  );
}

function Events() {
  const { t, fmt } = useI18n();
  const [type, setType] = useState("");
  const [more, setMore] = useState<{ items: AuditEvent[]; cursor: string | null } | null>(null);
  const load = (cursor?: string) =>
    unwrap(
      api.GET("/api/v1/admin/audit-events", {
        params: { query: { limit: PAGE, ...(type ? { type } : {}), ...(cursor ? { cursor } : {}) } },
      }),
    );
  const [page, reload] = useApi(() => {
    setMore(null);
    return load();
  }, [type]);
  const items = page.state === "ready" ? [...page.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.cursor : page.state === "ready" ? page.data.nextCursor : null;
  const loadMore = async () => {
    if (!cursor) return;
    const next = await load(cursor);
    setMore({ items: [...(more?.items ?? []), ...next.items], cursor: next.nextCursor });
  };
  return (
    <div class="ops-audit-events">
      <h2>{t("ops.audit.title")}</h2>
      <div class="field">
        <label for="audit-type">{t("ops.audit.type")}</label>
        <select id="audit-type" value={type} onChange={(e) => setType(e.currentTarget.value)}>
          <option value="">{t("ops.audit.allTypes")}</option>
          {TYPES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {page.state === "loading" && <Loading />}
      {page.state === "error" && <ProblemNotice problem={page.problem} onRetry={reload} />}
      {page.state === "ready" && items.length === 0 && <p>{t("ops.audit.empty")}</p>}
      {items.length > 0 && (
        <table class="ops-table" data-testid="audit-events">
          <thead>
            <tr>
              <th scope="col">{t("ops.audit.when")}</th>
              <th scope="col">{t("ops.audit.type")}</th>
              <th scope="col">{t("ops.audit.user")}</th>
              <th scope="col">{t("ops.audit.actor")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <tr key={event.id}>
                <td>{fmt.dateTime(event.createdAt)}</td>
                <td>
                  <code>{event.type}</code>
                </td>
                <td>{event.userId ?? "—"}</td>
                <td>{event.actorId ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button type="button" onClick={loadMore}>
          {t("ops.audit.more")}
        </button>
      )}
    </div>
  );
}
