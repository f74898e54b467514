import { useLayoutEffect, useRef } from "preact/hooks";
import { useI18n } from "../../i18n";
import { Loading, ProblemNotice } from "../common/Status";
import { type BubbleActions, MessageBubble, PendingBubble } from "./MessageBubble";
import { tickOf } from "./room-state";
import type { useRoom } from "./use-room";

interface Props {
  room: ReturnType<typeof useRoom>;
  me: string;
  nameOf: (userId: string) => string;
  actions: BubbleActions;
}

/** Near the bottom, a new message scrolls into view; reading older ones, the view stays put. */
const STICK_PX = 120;
const OLDER_PX = 60;

/** The messages, oldest at the top; scrolling up to the top loads the page before. */
export function MessageList({ room, me, nameOf, actions }: Props) {
  const { t } = useI18n();
  const box = useRef<HTMLOListElement>(null);
  const before = useRef({ height: 0, top: 0, first: undefined as number | undefined, stick: true });
  const { state, history } = room;
  const first = state.messages[0]?.seq;

  // After each render: older messages added above keep what was on screen in place; otherwise
  // follow the newest message if the reader was at the bottom.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const prev = before.current;
    if (prev.first !== undefined && first !== undefined && first < prev.first) {
      el.scrollTop = prev.top + (el.scrollHeight - prev.height);
    } else if (prev.stick) {
      el.scrollTop = el.scrollHeight;
    }
    before.current = { height: el.scrollHeight, top: el.scrollTop, first, stick: prev.stick };
  });

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    before.current = {
      height: el.scrollHeight,
      top: el.scrollTop,
      first,
      stick: el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX,
    };
    if (el.scrollTop < OLDER_PX && history.hasOlder && !history.loadingOlder) void room.loadOlder();
  };

  if (history.state === "loading") return <Loading />;
  if (history.state === "error" && history.problem) return <ProblemNotice problem={history.problem} />;
  return (
    <ol class="messages" ref={box} onScroll={onScroll} aria-label={t("chat.messages")} data-testid="messages">
      {history.hasOlder && (
        <li class="older">
          <button
            type="button"
            onClick={() => void room.loadOlder()}
            disabled={history.loadingOlder}
            aria-busy={history.loadingOlder}
          >
            {history.loadingOlder ? t("app.loading") : t("chat.older")}
          </button>
        </li>
      )}
      {state.messages.length === 0 && state.pending.length === 0 && <li class="status">{t("chat.noMessages")}</li>}
      {state.messages.map((m) => (
        <MessageBubble
          key={m.id}
          message={m}
          mine={m.senderId === me}
          me={me}
          tick={tickOf(state, m, me)}
          sender={nameOf(m.senderId)}
          nameOf={nameOf}
          actions={actions}
        />
      ))}
      {state.pending.map((p) => (
        <PendingBubble key={p.outgoing.clientId} pending={p} onDiscard={() => room.discard(p.outgoing.clientId)} />
      ))}
    </ol>
  );
}
