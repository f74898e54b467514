import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";

type Notice = Schemas["AlertNotice"];

/** An incident has one notice per target and per opening or resolving: a page holds them all. */
const NOTICES_PER_INCIDENT = 50;

/**
 * Whether each email and webhook notice of one incident went out: pending ones are tried again by
 * the minute cron (their last error says why the previous try failed), failed ones were given up.
 */
export function IncidentNotices({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const [notices, reload] = useApi(
    () =>
      unwrap(
        api.GET("/api/v1/admin/alerts/notices", {
          params: { query: { incidentId, limit: NOTICES_PER_INCIDENT } },
        }),
      ),
    [incidentId],
  );
  if (notices.state === "loading") return <Loading />;
  if (notices.state === "error") return <ProblemNotice problem={notices.problem} onRetry={reload} />;
  const { items } = notices.data;
  if (items.length === 0) return <p class="status">{t("opsMetrics.noNotices")}</p>;
  return (
    <table class="ops-table" aria-label={t("opsMetrics.notices")}>
      <thead>
        <tr>
          <th scope="col">{t("opsMetrics.noticeChannel")}</th>
          <th scope="col">{t("opsMetrics.noticeFor")}</th>
          <th scope="col">{t("opsMetrics.noticeStatus")}</th>
          <th scope="col">{t("opsMetrics.noticeAttempts")}</th>
          <th scope="col">{t("opsMetrics.noticeLastError")}</th>
          <th scope="col">{t("opsMetrics.noticeSentAt")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((notice) => (
          <NoticeRow key={notice.id} notice={notice} />
        ))}
      </tbody>
    </table>
  );
}

const STATE_CLASS: Record<Notice["status"], string> = { sent: "ok", failed: "failed", pending: "" };

function NoticeRow({ notice }: { notice: Notice }) {
  const { t, fmt } = useI18n();
  return (
    <tr data-testid="ops-notice" data-status={notice.status} data-channel={notice.channel}>
      <th scope="row">
        {t(`opsMetrics.channel.${notice.channel}` as MessageKey)}
        <br />
        <small>{notice.target}</small>
      </th>
      <td>{t(`opsMetrics.noticeKind.${notice.kind}` as MessageKey)}</td>
      <td class={`ops-state ${STATE_CLASS[notice.status]}`} data-testid="ops-notice-status">
        {t(`opsMetrics.noticeState.${notice.status}` as MessageKey)}
      </td>
      <td>{fmt.number(notice.attempts)}</td>
      <td>{notice.lastError ?? "—"}</td>
      <td>
        {notice.sentAt
          ? fmt.dateTime(notice.sentAt)
          : notice.failedAt
            ? t("opsMetrics.gaveUpAt", { when: fmt.dateTime(notice.failedAt) })
            : "—"}
      </td>
    </tr>
  );
}
