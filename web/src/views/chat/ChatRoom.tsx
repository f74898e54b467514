import "./chat.css";
import { useEffect, useMemo, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { api, unwrap } from "../../api/client";
import { useSession } from "../../api/use-session";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { useApi } from "../common/use-api";
import { Composer } from "./Composer";
import type { BubbleActions } from "./MessageBubble";
import { MessageList } from "./MessageList";
import { type DialogLike, dialogTitle, memberName } from "./names";
import type { Message } from "./room-socket";
import { SendMoney } from "./SendMoney";
import { SignInFirst } from "./SignInFirst";
import { useMe } from "./use-me";
import { type Connection, prefetchFirstPage, useRoom } from "./use-room";

/** /chat/:dialogId: one dialog, live. */
export function ChatRoom() {
  const { params } = useRoute();
  const dialogId = params.dialogId ?? "";
  const [me] = useMe();
  // Asked alongside /users/me rather than after it: one round trip less before the room shows.
  const signedIn = useSession() !== null;
  useMemo(() => signedIn && dialogId && prefetchFirstPage(dialogId), [dialogId, signedIn]);
  const [dialog, reload] = useApi(
    async () =>
      signedIn
        ? ((await unwrap(api.GET("/api/v1/dialogs/{id}", { params: { path: { id: dialogId } } }))) as DialogLike)
        : null,
    [dialogId, signedIn],
  );
  if (me.state === "loading") return <Loading />;
  if (me.state === "error") return <ProblemNotice problem={me.problem} />;
  if (!me.data) return <SignInFirst />;
  if (dialog.state === "loading") return <Loading />;
  if (dialog.state === "error") return <ProblemNotice problem={dialog.problem} onRetry={reload} />;
  if (!dialog.data) return <Loading />;
  return <Room key={dialogId} dialog={dialog.data} me={me.data.id} />;
}

function Room({ dialog, me }: { dialog: DialogLike; me: string }) {
  const { t } = useI18n();
  const room = useRoom(dialog.id, me, others(dialog, me));
  const [replyTo, setReplyTo] = useState<Message | null>(null);
  const [editing, setEditing] = useState<Message | null>(null);
  const title = dialogTitle(dialog, me);
  const nameOf = (userId: string) => (userId === me ? t("chat.you") : memberName(dialog, userId));
  useEffect(() => {
    document.title = `${title} · Tchat`;
  }, [title]);
  const path = { params: { path: { id: dialog.id, messageId: "" } } };
  const on = (message: Message) => ({ params: { path: { ...path.params.path, messageId: message.id } } });
  const actions: BubbleActions = {
    reply: (message) => {
      setEditing(null);
      setReplyTo(message);
    },
    edit: (message) => {
      setReplyTo(null);
      setEditing(message);
    },
    remove: (message) => {
      if (!confirm(t("chat.deleteConfirm"))) return;
      void room.change(
        unwrap(api.DELETE("/api/v1/dialogs/{id}/messages/{messageId}", on(message))).then(() => undefined),
      );
    },
    react: (message, emoji, mine) =>
      void room.change(
        mine
          ? unwrap(
              api.DELETE("/api/v1/dialogs/{id}/messages/{messageId}/reactions/{emoji}", {
                params: { path: { ...on(message).params.path, emoji } },
              }),
            )
          : unwrap(
              api.POST("/api/v1/dialogs/{id}/messages/{messageId}/reactions", { ...on(message), body: { emoji } }),
            ),
      ),
  };
  const canPost = dialog.type !== "channel" || dialog.adminIds.includes(me);
  return (
    <section class="room" aria-labelledby="room-title">
      <header class="room-head">
        <a href="/chat" class="room-back" aria-label={t("chat.back")}>
          ←
        </a>
        <h1 id="room-title">{title}</h1>
        <RoomStatusLine
          connection={room.connection}
          typing={Object.keys(room.typing).map(nameOf)}
          online={others(dialog, me).filter((id) => room.presence[id])}
          nameOf={nameOf}
        />
      </header>
      {room.notice && (
        <p class="problem" role="alert">
          {room.notice}
        </p>
      )}
      <MessageList room={room} me={me} nameOf={nameOf} actions={actions} />
      {dialog.type === "direct" && others(dialog, me).length === 1 && (
        <SendMoney
          to={others(dialog, me)[0]}
          name={nameOf(others(dialog, me)[0])}
          onSent={(transfer) => room.send({ clientId: crypto.randomUUID(), kind: "transfer", transferId: transfer.id })}
        />
      )}
      <Composer
        canPost={canPost}
        replyTo={replyTo}
        editing={editing}
        nameOf={nameOf}
        onSend={(text) => {
          room.send({ clientId: crypto.randomUUID(), kind: "text", text, ...(replyTo ? { replyTo: replyTo.id } : {}) });
          setReplyTo(null);
        }}
        onImage={(mediaId, caption) =>
          room.send({ clientId: crypto.randomUUID(), kind: "image", mediaId, ...(caption ? { text: caption } : {}) })
        }
        onEdit={(message, text) => {
          setEditing(null);
          void room.change(
            unwrap(api.PATCH("/api/v1/dialogs/{id}/messages/{messageId}", { ...on(message), body: { text } })),
          );
        }}
        onCancel={() => {
          setEditing(null);
          setReplyTo(null);
        }}
        onTyping={room.typingNow}
      />
    </section>
  );
}

function others(dialog: DialogLike, me: string): string[] {
  return dialog.participantIds.filter((id) => id !== me);
}

interface StatusProps {
  connection: Connection;
  typing: string[];
  online: string[];
  nameOf: (userId: string) => string;
}

/** Connection state, who is typing, who is online: announced politely. */
function RoomStatusLine({ connection, typing, online, nameOf }: StatusProps) {
  const { t, fmt } = useI18n();
  let line: string;
  if (connection.status === "closed" && connection.reason) line = t("chat.closed", { reason: connection.reason });
  else if (connection.status === "waiting")
    line = t("chat.reconnecting", { seconds: fmt.number(Math.ceil((connection.retryInMs ?? 0) / 1000)) });
  else if (connection.status === "connecting") line = t("chat.connecting");
  else if (typing.length) line = t("chat.typing", { names: typing.join(", ") });
  else if (online.length) line = t("chat.online", { names: online.map(nameOf).join(", ") });
  else line = t("chat.connected");
  return (
    <p
      class="room-status"
      role="status"
      aria-live="polite"
      data-testid="room-status"
      data-connection={connection.status}
    >
      {line}
    </p>
  );
}
