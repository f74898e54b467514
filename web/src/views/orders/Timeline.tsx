import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { isStatus, STATUS_TEXT } from "./OrderStatus";

type Entry = Schemas["OrderTimeline"]["items"][number];

const EVENT_TEXT: Record<string, MessageKey> = {
  created: "timeline.created",
  "payment.started": "timeline.paymentStarted",
  "payment.failed": "timeline.paymentFailed",
  "payment.superseded": "timeline.paymentSuperseded",
  "payment.late": "timeline.paymentLate",
  "payment.collected": "timeline.paymentCollected",
};

/** What happened to an order, oldest first (GET /orders/:id/timeline). */
export function Timeline({ items }: { items: Entry[] }) {
  const { t, fmt } = useI18n();
  const describe = (entry: Entry): string => {
    const status = entry.type.startsWith("status.") ? entry.type.slice("status.".length) : null;
    if (status && isStatus(status)) return t("timeline.status", { status: t(STATUS_TEXT[status]) });
    const key = EVENT_TEXT[entry.type];
    return key ? t(key) : entry.type;
  };
  return (
    <ol class="timeline" data-testid="timeline">
      {items.map((entry, i) => (
        <li key={`${entry.type}-${entry.at}-${i}`}>
          <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
          <span>{describe(entry)}</span>
          {typeof entry.data.reason === "string" && <span class="status">{entry.data.reason}</span>}
        </li>
      ))}
    </ol>
  );
}
