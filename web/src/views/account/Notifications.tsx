import { useCallback, useEffect, useState } from "preact/hooks";
import { api, unwrap, unwrapEmpty } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { forgetEndedSession, useRequiredSession } from "./guard";
import { adjustUnread, type Notification, useArrivals } from "./stream";
import "./account.css";
import { useAction } from "../common/use-action";

type Page = { items: Notification[]; nextCursor: string | null };

const fetchPage = (cursor?: string) =>
  unwrap(api.GET("/api/v1/notifications", { params: { query: { limit: 20, cursor } } })) as Promise<Page>;

/** /account/notifications: newest first, new ones arriving live, each marked read by a tap. */
export function Notifications() {
  const { t, fmt } = useI18n();
  const session = useRequiredSession();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const { busy, running, problem, run } = useAction<string>({ onProblem: forgetEndedSession });
  const load = (after?: string) =>
    run(async () => {
      const page = await fetchPage(after);
      setItems((old) => (after && old ? [...old, ...page.items] : page.items));
      setCursor(page.nextCursor);
    }, "load");
  useEffect(() => {
    if (session) load();
  }, [!!session]);
  useArrivals(
    useCallback(
      (n: Notification) => setItems((old) => (old && !old.some((o) => o.id === n.id) ? [n, ...old] : old)),
      [],
    ),
  );

  const markRead = (n: Notification) =>
    run(async () => {
      await unwrapEmpty(api.PUT("/api/v1/notifications/{id}/read", { params: { path: { id: n.id } } }));
      setItems((old) => old?.map((o) => (o.id === n.id ? { ...o, read: true } : o)) ?? null);
      adjustUnread((c) => c - 1);
    }, n.id);
  const markAll = () =>
    run(async () => {
      await unwrapEmpty(api.PUT("/api/v1/notifications/read-all"));
      setItems((old) => old?.map((o) => ({ ...o, read: true })) ?? null);
      adjustUnread(() => 0);
    }, "all");

  if (!session) return null;
  return (
    <section class="account narrow" aria-labelledby="notifications-title" aria-busy={busy}>
      <h1 id="notifications-title">{t("account.notifications.title")}</h1>
      {problem && <ProblemNotice problem={problem} onRetry={items ? undefined : () => load()} />}
      {items === null && !problem && <Loading />}
      {items?.length === 0 && <p class="muted">{t("account.notifications.none")}</p>}
      {items?.some((n) => !n.read) && (
        <button type="button" onClick={markAll} disabled={busy}>
          {running === "all" ? t("account.busy") : t("account.notifications.readAll")}
        </button>
      )}
      <ul class="plain" data-testid="notifications">
        {items?.map((n) => (
          <li key={n.id} class={n.read ? "item" : "item unread"}>
            <p>
              <strong>{n.title}</strong>
              {!n.read && <span class="badge">{t("account.notifications.new")}</span>}
            </p>
            <p>{n.body}</p>
            <p class="muted">
              <time dateTime={n.createdAt}>{fmt.dateTime(n.createdAt)}</time>
            </p>
            {!n.read && (
              <button type="button" onClick={() => markRead(n)} disabled={busy}>
                {running === n.id ? t("account.busy") : t("account.notifications.markRead")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" onClick={() => load(cursor)} disabled={busy}>
          {running === "load" ? t("account.busy") : t("account.notifications.more")}
        </button>
      )}
    </section>
  );
}
