import type { Schemas } from "../../api/client";
import { useI18n } from "../../i18n";
import { ChatCard, TransferCard } from "./Cards";
import { PrivateImage } from "./PrivateImage";
import type { Message } from "./room-socket";
import type { Pending, Tick } from "./room-state";

export const REACTIONS = ["👍", "❤️", "😂", "😮", "🙏"];

export interface BubbleActions {
  reply: (message: Message) => void;
  edit: (message: Message) => void;
  remove: (message: Message) => void;
  react: (message: Message, emoji: string, mine: boolean) => void;
}

interface Props {
  message: Message;
  mine: boolean;
  me: string;
  tick: Tick;
  sender: string;
  nameOf: (userId: string) => string;
  actions: BubbleActions;
}

/** One message: who, what (text, picture, card, reply), when, ✓/✓✓ for one's own, reactions and actions. */
export function MessageBubble({ message, mine, me, tick, sender, nameOf, actions }: Props) {
  const { t, fmt } = useI18n();
  if (message.kind === "system" && message.system) {
    return (
      <li class="msg-system" data-seq={message.seq}>
        {systemText(message.system, nameOf, t)}
      </li>
    );
  }
  return (
    <li class={`msg${mine ? " mine" : ""}`} data-testid="message" data-seq={message.seq}>
      {!mine && <span class="msg-sender">{sender}</span>}
      {message.replyPreview && (
        <blockquote class="msg-reply">
          <span class="msg-sender">{nameOf(message.replyPreview.senderId)}</span>
          {message.replyPreview.deleted ? t("chat.deleted") : (message.replyPreview.text ?? t("chat.kindOther"))}
        </blockquote>
      )}
      <Body message={message} />
      <span class="msg-meta">
        <time dateTime={message.createdAt}>{fmt.dateTime(message.createdAt)}</time>
        {message.editedAt && !message.deleted && <span> · {t("chat.edited")}</span>}
        {mine && <TickMark tick={tick} />}
      </span>
      {message.reactions.length > 0 && (
        <ul class="msg-reactions" aria-label={t("chat.reactions")}>
          {message.reactions.map((r) => {
            const reacted = r.userIds.includes(me);
            return (
              <li key={r.emoji}>
                <button type="button" aria-pressed={reacted} onClick={() => actions.react(message, r.emoji, reacted)}>
                  {r.emoji} {fmt.number(r.count)}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {!message.deleted && <Actions message={message} mine={mine} me={me} actions={actions} />}
    </li>
  );
}

function Body({ message }: { message: Message }) {
  const { t } = useI18n();
  if (message.deleted) return <p class="msg-text deleted">{t("chat.deleted")}</p>;
  return (
    <>
      {message.media?.kind === "image" && (
        <PrivateImage url={message.media.url} alt={message.text ?? t("chat.kindImage")} />
      )}
      {message.card && <ChatCard card={message.card} />}
      {message.kind === "transfer" && <TransferCard transfer={message.transfer} />}
      {message.text && <p class="msg-text">{message.text}</p>}
      {!message.text && !message.media && !message.card && message.kind !== "transfer" && (
        <p class="msg-text">{t("chat.kindOther")}</p>
      )}
    </>
  );
}

export function TickMark({ tick }: { tick: Tick }) {
  const { t } = useI18n();
  const label = t(
    tick === "pending"
      ? "chat.pending"
      : tick === "sent"
        ? "chat.sent"
        : tick === "delivered"
          ? "chat.delivered"
          : "chat.read",
  );
  const mark = tick === "pending" ? "🕓" : tick === "sent" ? "✓" : "✓✓";
  return (
    <span class={`tick ${tick}`} data-testid="tick" data-tick={tick} title={label} aria-label={label} role="img">
      {mark}
    </span>
  );
}

function Actions({
  message,
  mine,
  me,
  actions,
}: {
  message: Message;
  mine: boolean;
  me: string;
  actions: BubbleActions;
}) {
  const { t } = useI18n();
  return (
    <details class="msg-actions">
      <summary aria-label={t("chat.actions")}>⋯</summary>
      {/* An action taken closes the menu, so the next one opens it afresh. */}
      <div
        class="msg-actions-menu"
        onClickCapture={(e) => (e.currentTarget as HTMLElement).closest("details")?.removeAttribute("open")}
      >
        <button type="button" onClick={() => actions.reply(message)}>
          {t("chat.reply")}
        </button>
        {REACTIONS.map((emoji) => {
          const reacted = message.reactions.some((r) => r.emoji === emoji && r.userIds.includes(me));
          return (
            <button
              key={emoji}
              type="button"
              aria-pressed={reacted}
              aria-label={t("chat.react", { emoji })}
              onClick={() => actions.react(message, emoji, reacted)}
            >
              {emoji}
            </button>
          );
        })}
        {mine && message.kind === "text" && (
          <button type="button" onClick={() => actions.edit(message)}>
            {t("chat.edit")}
          </button>
        )}
        {mine && (
          <button type="button" onClick={() => actions.remove(message)}>
            {t("chat.delete")}
          </button>
        )}
      </div>
    </details>
  );
}

/** A send still on its way (🕓), or refused (the server's words, and a way to drop it). */
export function PendingBubble({ pending, onDiscard }: { pending: Pending; onDiscard: () => void }) {
  const { t } = useI18n();
  return (
    <li class="msg mine pending" data-testid="message" data-pending="true">
      <p class="msg-text">
        {pending.outgoing.text ?? (pending.outgoing.kind === "transfer" ? t("chat.transferCard") : t("chat.kindImage"))}
      </p>
      <span class="msg-meta">{pending.failed ? null : <TickMark tick="pending" />}</span>
      {pending.failed && (
        <p class="problem" role="alert">
          {t("chat.notSent")} {pending.failed}{" "}
          <button type="button" onClick={onDiscard}>
            {t("chat.discard")}
          </button>
        </p>
      )}
    </li>
  );
}

type T = ReturnType<typeof useI18n>["t"];

function systemText(system: Schemas["ChatSystemEvent"], nameOf: (id: string) => string, t: T): string {
  const actor = nameOf(system.actorId);
  const people = (system.userIds ?? []).map(nameOf).join(", ");
  switch (system.event) {
    case "members_added":
      return t("chat.sysAdded", { actor, people });
    case "member_removed":
      return t("chat.sysRemoved", { actor, people });
    case "member_left":
      return t("chat.sysLeft", { actor });
    case "role_changed":
      return t("chat.sysRole", { actor, people });
    case "renamed":
      return t("chat.sysRenamed", { actor, name: system.name ?? "" });
  }
}
