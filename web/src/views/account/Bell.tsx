import { useI18n } from "../../i18n";
import { useUnreadCount } from "./stream";

// Inline styles: the bell is on every page, and the account area's stylesheet loads with its pages only.
const BELL = { position: "relative", display: "inline-flex", alignItems: "center", padding: "4px" } as const;
const BADGE = {
  position: "absolute",
  top: "-4px",
  right: "-8px",
  minWidth: "18px",
  padding: "0 4px",
  borderRadius: "9px",
  background: "#a4161a",
  color: "#fff",
  fontSize: "12px",
  lineHeight: "18px",
  textAlign: "center",
} as const;

/** The header's notifications bell for a signed-in reader: the live unread count, linking to the list. */
export function NotificationBell() {
  const { t, fmt } = useI18n();
  const count = useUnreadCount(true);
  const label = count ? t("account.bell.unread", { count: fmt.number(count) }) : t("account.notifications.title");
  return (
    <a class="bell" style={BELL} href="/account/notifications" aria-label={label} data-testid="bell">
      <svg aria-hidden="true" width="20" height="20" viewBox="0 0 24 24" fill="currentColor">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5-6.71V3.5a2 2 0 0 0-4 0v.79A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {count ? (
        <span style={BADGE} data-testid="bell-count">
          {count > 99 ? "99+" : fmt.number(count)}
        </span>
      ) : null}
    </a>
  );
}
