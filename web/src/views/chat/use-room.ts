import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type ApiProblem, api, asProblem, type Schemas, unwrap } from "../../api/client";
import { type Message, type RoomEvent, RoomSocket, type RoomStatus, type SocketLike } from "./room-socket";
import {
  addMessages,
  addPending,
  addReceipt,
  dropPending,
  emptyRoom,
  failPending,
  newestSeq,
  oldestSeq,
  type RoomState,
  updateMessage,
} from "./room-state";

const FIRST_PAGE = 40;
const OLDER_PAGE = 30;
/** A typing indicator whose `false` never came (a closed tab) fades after this long. */
const TYPING_FADE_MS = 6_000;
/** Presence is asked person by person: only for small dialogs. */
const PRESENCE_PEERS = 10;

export interface Connection {
  status: RoomStatus;
  retryInMs?: number;
  reason?: string;
}

export interface History {
  state: "loading" | "ready" | "error";
  problem?: ApiProblem;
  hasOlder: boolean;
  loadingOlder: boolean;
}

function wsOrigin(): string {
  return location.origin.replace(/^http/, "ws");
}

const fetchTicket = () => unwrap(api.POST("/api/v1/realtime/tickets")).then((r) => r.ticket);

/**
 * One dialog, live: its history (newest page first, older pages on demand), the socket's frames
 * folded into RoomState, receipts sent as messages arrive (delivered) and are seen (read, while the
 * page is visible), and who is typing or online.
 */
export function useRoom(dialogId: string, me: string, peers: string[]) {
  const [state, setState] = useState<RoomState>(emptyRoom);
  const [connection, setConnection] = useState<Connection>({ status: "connecting" });
  const [history, setHistory] = useState<History>({ state: "loading", hasOlder: false, loadingOlder: false });
  const [typing, setTyping] = useState<Record<string, number>>({});
  const [presence, setPresence] = useState<Record<string, boolean>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const socketRef = useRef<RoomSocket | null>(null);

  useEffect(() => {
    let alive = true;
    setState(emptyRoom);
    setHistory({ state: "loading", hasOlder: false, loadingOlder: false });
    const onEvent = (event: RoomEvent) => {
      if (!alive) return;
      applyEvent(event, me, { setState, setConnection, setTyping, setPresence, setNotice, socket: () => socket });
    };
    const socket = new RoomSocket({
      dialogId,
      origin: wsOrigin(),
      ticket: fetchTicket,
      open: (url) => new WebSocket(url) as unknown as SocketLike,
      onEvent,
    });
    socketRef.current = socket;
    const load = async () => {
      const first = await loadFirstPage(dialogId, me);
      if (!alive) return;
      setState(first.state);
      setHistory({ state: "ready", hasOlder: first.hasOlder, loadingOlder: false });
      socket.start(newestSeq(first.state));
      const seen = await loadPresence(peers);
      if (alive) setPresence((p) => ({ ...seen, ...p }));
    };
    load().catch(
      (err) => alive && setHistory({ state: "error", problem: asProblem(err), hasOlder: false, loadingOlder: false }),
    );
    const online = () => socket.reconnectNow();
    window.addEventListener("online", online);
    return () => {
      alive = false;
      window.removeEventListener("online", online);
      socket.stop();
    };
  }, [dialogId, me, peers.join()]);

  useReadWhileVisible(socketRef, newestSeq(state));
  useTypingFade(typing, setTyping);

  const loadOlder = useCallback(async () => {
    const before = oldestSeq(state);
    if (before === undefined || history.loadingOlder || !history.hasOlder) return;
    setHistory((h) => ({ ...h, loadingOlder: true }));
    try {
      const page = await unwrap(
        api.GET("/api/v1/dialogs/{id}/messages", {
          params: { path: { id: dialogId }, query: { before, limit: OLDER_PAGE } },
        }),
      );
      setState((s) => addMessages(s, page.items, me));
      setHistory((h) => ({ ...h, hasOlder: page.nextCursor !== null, loadingOlder: false }));
    } catch (err) {
      setHistory((h) => ({ ...h, loadingOlder: false }));
      setNotice(asProblem(err).detail);
    }
  }, [state, history, dialogId, me]);

  const send = useCallback((outgoing: Parameters<RoomSocket["send"]>[0]) => {
    setState((s) => addPending(s, outgoing, new Date().toISOString()));
    socketRef.current?.typing(false);
    socketRef.current?.send(outgoing);
  }, []);

  const discard = useCallback((clientId: string) => {
    socketRef.current?.forget(clientId);
    setState((s) => dropPending(s, clientId));
  }, []);

  const typingNow = useCallback((on: boolean) => socketRef.current?.typing(on), []);

  /** Edits, deletes and reactions go over HTTP; the answer (and the `updated` frame) replace the message. */
  const change = useCallback(async (request: Promise<Message | undefined>) => {
    setNotice(null);
    try {
      const message = await request;
      if (message) setState((s) => updateMessage(s, message));
    } catch (err) {
      setNotice(asProblem(err).detail);
    }
  }, []);

  return { state, connection, history, typing, presence, notice, loadOlder, send, discard, typingNow, change };
}

type FirstPage = [Schemas["MessagePage"], Schemas["DialogReceipts"]];

function fetchFirstPage(dialogId: string): Promise<FirstPage> {
  const path = { id: dialogId };
  return Promise.all([
    unwrap(api.GET("/api/v1/dialogs/{id}/messages", { params: { path, query: { limit: FIRST_PAGE } } })),
    unwrap(api.GET("/api/v1/dialogs/{id}/receipts", { params: { path } })),
  ]);
}

const prefetched = new Map<string, Promise<FirstPage>>();

/**
 * Starts loading a room's newest page and receipts while its dialog and the signed-in person are
 * still being asked for: one round trip less before the messages show. Taken once by the room.
 */
export function prefetchFirstPage(dialogId: string): void {
  if (prefetched.has(dialogId)) return;
  const page = fetchFirstPage(dialogId);
  page.catch(() => undefined); // the room reads the failure; it is not unhandled meanwhile
  prefetched.set(dialogId, page);
}

async function loadFirstPage(dialogId: string, me: string): Promise<{ state: RoomState; hasOlder: boolean }> {
  const first = prefetched.get(dialogId) ?? fetchFirstPage(dialogId);
  prefetched.delete(dialogId);
  const [page, receipts] = await first;
  let state = addMessages(emptyRoom, page.items, me);
  for (const r of receipts.items) {
    state = addReceipt(addReceipt(state, r.userId, r.lastDeliveredSeq, "delivered"), r.userId, r.lastReadSeq, "read");
  }
  return { state, hasOlder: page.nextCursor !== null };
}

/** Who of a small dialog is online now; later changes arrive as `presence` frames. */
async function loadPresence(peers: string[]): Promise<Record<string, boolean>> {
  if (peers.length === 0 || peers.length > PRESENCE_PEERS) return {};
  const answers = await Promise.all(
    peers.map((id) => unwrap(api.GET("/api/v1/users/{id}/presence", { params: { path: { id } } })).catch(() => null)),
  );
  return Object.fromEntries(answers.filter((a) => a !== null).map((a) => [a.userId, a.online]));
}

interface Setters {
  setState: (fn: (s: RoomState) => RoomState) => void;
  setConnection: (c: Connection) => void;
  setTyping: (fn: (t: Record<string, number>) => Record<string, number>) => void;
  setPresence: (fn: (p: Record<string, boolean>) => Record<string, boolean>) => void;
  setNotice: (n: string | null) => void;
  socket: () => RoomSocket;
}

function applyEvent(event: RoomEvent, me: string, set: Setters) {
  switch (event.type) {
    case "message":
      set.setState((s) => addMessages(s, [event.message], me));
      if (event.message.senderId !== me) {
        set.socket().delivered(event.message.seq);
        const sender = event.message.senderId;
        set.setTyping(({ [sender]: _, ...rest }) => rest);
      }
      return;
    case "ack":
      return set.setState((s) => addMessages(s, [event.message], me));
    case "updated":
      return set.setState((s) => updateMessage(s, event.message));
    case "receipt":
      return set.setState((s) => addReceipt(s, event.userId, event.seq, event.status));
    case "typing":
      return set.setTyping(({ [event.userId]: _, ...rest }) =>
        event.typing ? { ...rest, [event.userId]: Date.now() + TYPING_FADE_MS } : rest,
      );
    case "presence":
      return set.setPresence((p) => ({ ...p, [event.userId]: event.online }));
    case "failed":
      return set.setState((s) => failPending(s, event.clientId, event.detail));
    case "error":
      return set.setNotice(event.detail);
    case "status":
      return set.setConnection({ status: event.status, retryInMs: event.retryInMs, reason: event.reason });
  }
}

/** Sends `read` for the newest message while the page is visible (and again when it becomes visible). */
function useReadWhileVisible(socketRef: { current: RoomSocket | null }, newest: number) {
  useEffect(() => {
    const mark = () => {
      if (newest > 0 && document.visibilityState === "visible") socketRef.current?.read(newest);
    };
    mark();
    document.addEventListener("visibilitychange", mark);
    return () => document.removeEventListener("visibilitychange", mark);
  }, [newest]);
}

function useTypingFade(typing: Record<string, number>, setTyping: Setters["setTyping"]) {
  useEffect(() => {
    const times = Object.values(typing);
    if (times.length === 0) return;
    const wait = Math.max(0, Math.min(...times) - Date.now());
    const timer = setTimeout(() => {
      const now = Date.now();
      setTyping((t) => Object.fromEntries(Object.entries(t).filter(([, until]) => until > now)));
    }, wait + 10);
    return () => clearTimeout(timer);
  }, [typing]);
}
