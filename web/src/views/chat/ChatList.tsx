import "./chat.css";
import { useEffect, useState } from "preact/hooks";
import { api, type Schemas, unwrap } from "../../api/client";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { NewDialog } from "./NewDialog";
import { type DialogLike, dialogTitle } from "./names";
import { SignInFirst } from "./SignInFirst";
import { useMe } from "./use-me";

type Item = Schemas["DialogListItem"] & DialogLike;
type Page = { items: Item[]; nextCursor: string | null };
const PAGE_SIZE = 30;

/** /chat: the caller's dialogs, most recent activity first, with unread counts and the last message. */
export function ChatList() {
  const { t } = useI18n();
  const [me] = useMe();
  useEffect(() => {
    document.title = `${t("chat.title")} · Tchat`;
  }, [t]);
  if (me.state === "loading") return <Loading />;
  if (me.state === "error") return <ProblemNotice problem={me.problem} />;
  if (!me.data) return <SignInFirst />;
  return (
    <section aria-labelledby="chat-title" class="chat-list">
      <h1 id="chat-title">{t("chat.title")}</h1>
      <a class="chat-link" href="/chat/new">
        {t("chatNew.link")}
      </a>
      <Dialogs me={me.data.id} />
      <NewDialog />
      <p class="chat-myid">
        {t("chat.myId")} <code data-testid="my-id">{me.data.id}</code>
      </p>
    </section>
  );
}

function Dialogs({ me }: { me: string }) {
  const { t, locale } = useI18n();
  const [more, setMore] = useState<Page[]>([]);
  const [first, reload] = useApi(
    () => unwrap(api.GET("/api/v1/dialogs", { params: { query: { limit: PAGE_SIZE } } })) as Promise<Page>,
    [me, locale],
  );
  const [loadingMore, setLoadingMore] = useState(false);
  if (first.state === "loading") return <Loading />;
  if (first.state === "error") return <ProblemNotice problem={first.problem} onRetry={reload} />;
  const pages = [first.data, ...more];
  const items = pages.flatMap((p) => p.items);
  const cursor = pages[pages.length - 1].nextCursor;
  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const next = (await unwrap(
        api.GET("/api/v1/dialogs", { params: { query: { limit: PAGE_SIZE, cursor } } }),
      )) as Page;
      setMore((m) => [...m, next]);
    } finally {
      setLoadingMore(false);
    }
  };
  if (items.length === 0) return <p class="status">{t("chat.empty")}</p>;
  return (
    <>
      <ul class="dialogs" data-testid="dialogs">
        {items.map((d) => (
          <DialogRow key={d.id} dialog={d} me={me} />
        ))}
      </ul>
      {cursor && (
        <button type="button" class="more" onClick={loadMore} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? t("app.loading") : t("chat.moreDialogs")}
        </button>
      )}
    </>
  );
}

function DialogRow({ dialog, me }: { dialog: Item; me: string }) {
  const { t, fmt } = useI18n();
  const last = dialog.lastMessage;
  const preview = !last
    ? t("chat.noMessages")
    : last.deleted
      ? t("chat.deleted")
      : last.text ||
        t(last.kind === "image" ? "chat.kindImage" : last.kind === "card" ? "chat.kindCard" : "chat.kindOther");
  return (
    <li class="dialog">
      <a href={`/chat/${encodeURIComponent(dialog.id)}`}>
        <span class="dialog-title">{dialogTitle(dialog, me)}</span>
        <span class="dialog-preview">{preview}</span>
        {last && <time dateTime={last.createdAt}>{fmt.dateTime(last.createdAt)}</time>}
        {dialog.unreadCount > 0 && (
          <span class="badge" data-testid="unread" data-count={dialog.unreadCount}>
            <span aria-hidden="true">{fmt.number(dialog.unreadCount)}</span>
            <span class="visually-hidden">{t("chat.unread", { count: fmt.number(dialog.unreadCount) })}</span>
          </span>
        )}
      </a>
    </li>
  );
}
