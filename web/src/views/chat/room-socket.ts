import { backoffMs } from "../../../../workers/platform/backoff";
import type { components } from "../../api/schema";

// One dialog's live connection (docs/chat.md "Real time"), kept apart from the view so that its
// rules can be tested without a browser: a fresh ticket per attempt, `since` = the highest seq
// held without a gap, replay pages followed up (`more`), every message once (by seq), sends kept
// until acknowledged and sent again with the same clientId after a reconnect (the room answers a
// known clientId with the first message), reconnects with the project's one backoff (full jitter,
// 0.5 s doubling to 30 s, reset after a minute connected), a ping every 30 s, typing throttled.

export type Message = components["schemas"]["Message"];

/** What the view sends: the contract's `send` frame without its type. */
export interface Outgoing {
  clientId: string;
  kind: "text" | "image" | "file" | "location" | "sticker" | "card" | "transfer";
  text?: string;
  mediaId?: string;
  replyTo?: string;
  card?: { type: "product" | "order"; id: string };
  transferId?: string;
}

export type RoomStatus = "connecting" | "open" | "waiting" | "closed";

export type RoomEvent =
  | { type: "message"; message: Message }
  | { type: "ack"; clientId: string; message: Message }
  | { type: "updated"; message: Message }
  | { type: "receipt"; userId: string; seq: number; status: "delivered" | "read" }
  | { type: "typing"; userId: string; typing: boolean }
  | { type: "presence"; userId: string; online: boolean }
  | { type: "failed"; clientId: string; code: string; detail: string }
  | { type: "error"; code: string; detail: string }
  | { type: "status"; status: RoomStatus; retryInMs?: number; reason?: string };

/** The part of a browser WebSocket this module uses (tests pass a fake). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

/** A failure to get a ticket: `status` 401/403/404 stop the room; anything else is retried. */
export interface TicketFailure {
  status: number;
  detail: string;
}

export interface RoomSocketOptions {
  dialogId: string;
  /** ws: or wss: origin of the API. */
  origin: string;
  ticket: () => Promise<string>;
  open: (url: string) => SocketLike;
  onEvent: (event: RoomEvent) => void;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

const OPEN = 1;
export const PING_MS = 30_000;
export const TYPING_THROTTLE_MS = 3_000;
const STABLE_MS = 60_000;
const BACKOFF = { baseMs: 500, maxMs: 30_000, jitter: "full" as const };
/** Closes after which retrying cannot help: the session ended (4401) or the caller is no longer a member (4403). */
const FINAL_CLOSES = new Set([4401, 4403]);
const FINAL_TICKET = new Set([401, 403, 404]);

export class RoomSocket {
  private readonly o: Required<RoomSocketOptions>;
  private socket: SocketLike | null = null;
  private status: RoomStatus = "closed";
  private stopped = true;
  private attempt = 0;
  private openedAt = 0;
  private retryTimer: unknown = null;
  private pingTimer: unknown = null;
  /** Highest seq held with nothing missing below it (down to where the view's history starts). */
  private contiguous = 0;
  /** Seqs received above `contiguous` (a live message can overtake a replay page). */
  private readonly ahead = new Set<number>();
  /** Sends not yet acknowledged, in the order written. */
  private readonly outbox = new Map<string, Outgoing>();
  private readSeq = 0;
  private readSent = 0;
  private lastTypingAt = -Infinity;
  private typingSent = false;

  constructor(options: RoomSocketOptions) {
    this.o = {
      now: () => Date.now(),
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** Goes live after `since` (the newest seq the view already shows; 0 for an empty dialog). */
  start(since: number) {
    this.contiguous = Math.max(this.contiguous, since);
    this.stopped = false;
    void this.connect();
  }

  stop() {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    socket?.close(1000, "left");
    this.setStatus("closed");
  }

  /** The seq a reconnect resumes after. */
  get since(): number {
    return this.contiguous;
  }

  get state(): RoomStatus {
    return this.status;
  }

  /** Sends now if connected; kept and sent (again) on every (re)connect until its ack arrives. */
  send(message: Outgoing) {
    this.outbox.set(message.clientId, message);
    this.transmit({ type: "send", ...message });
  }

  /** Drops a send the view gave up on (its `failed` event was shown). */
  forget(clientId: string) {
    this.outbox.delete(clientId);
  }

  read(seq: number) {
    if (seq <= this.readSeq) return;
    this.readSeq = seq;
    this.flushRead();
  }

  delivered(seq: number) {
    this.transmit({ type: "delivered", seq });
  }

  /** `true` reaches the room at most once per 3 s; `false` only after a `true`. */
  typing(typing: boolean) {
    const now = this.o.now();
    if (typing) {
      if (now - this.lastTypingAt < TYPING_THROTTLE_MS) return;
      if (!this.transmit({ type: "typing", typing: true })) return;
      this.lastTypingAt = now;
      this.typingSent = true;
    } else if (this.typingSent) {
      this.typingSent = false;
      this.lastTypingAt = -Infinity;
      this.transmit({ type: "typing", typing: false });
    }
  }

  /** The network is back (browser `online`): skip the rest of the wait. */
  reconnectNow() {
    if (this.stopped || this.status !== "waiting") return;
    this.clearTimers();
    void this.connect();
  }

  private async connect() {
    this.setStatus("connecting");
    let ticket: string;
    try {
      ticket = await this.o.ticket();
    } catch (err) {
      const failure = err as Partial<TicketFailure>;
      if (failure.status !== undefined && FINAL_TICKET.has(failure.status)) {
        this.stopped = true;
        this.setStatus("closed", { reason: failure.detail });
      } else this.retry();
      return;
    }
    if (this.stopped) return;
    const url = `${this.o.origin}/api/v1/dialogs/${encodeURIComponent(this.o.dialogId)}/ws?since=${this.contiguous}&ticket=${encodeURIComponent(ticket)}`;
    const socket = this.o.open(url);
    this.socket = socket;
    socket.onopen = () => this.socket === socket && this.opened();
    socket.onmessage = (event) => this.socket === socket && this.frame(event.data);
    socket.onclose = (event) => this.socket === socket && this.closed(event.code, event.reason);
    socket.onerror = () => undefined; // a close follows every error
  }

  private opened() {
    this.openedAt = this.o.now();
    this.setStatus("open");
    for (const message of this.outbox.values()) this.transmit({ type: "send", ...message });
    this.readSent = 0;
    this.flushRead();
    this.schedulePing();
  }

  private closed(code: number, reason?: string) {
    this.socket = null;
    this.clearTimers();
    this.typingSent = false;
    if (this.stopped) return;
    if (FINAL_CLOSES.has(code)) {
      this.stopped = true;
      this.setStatus("closed", { reason: reason || String(code) });
      return;
    }
    if (this.openedAt && this.o.now() - this.openedAt >= STABLE_MS) this.attempt = 0;
    this.openedAt = 0;
    this.retry();
  }

  private retry() {
    if (this.stopped) return;
    const wait = backoffMs(this.attempt++, { ...BACKOFF, random: this.o.random });
    this.setStatus("waiting", { retryInMs: wait });
    this.retryTimer = this.o.setTimer(() => {
      this.retryTimer = null;
      if (!this.stopped) void this.connect();
    }, wait);
  }

  private frame(data: unknown) {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(String(data));
    } catch {
      return;
    }
    switch (frame.type) {
      case "message":
        return this.incoming(frame.message as Message, frame.more === true);
      case "ack": {
        const message = frame.message as Message;
        this.outbox.delete(String(frame.clientId));
        this.note(message.seq);
        return this.o.onEvent({ type: "ack", clientId: String(frame.clientId), message });
      }
      case "error":
        return this.error(frame);
      case "updated":
      case "receipt":
      case "typing":
      case "presence":
        return this.o.onEvent(frame as RoomEvent);
    }
  }

  private incoming(message: Message, more: boolean) {
    // A replay page that stopped short: ask for the next one (docs/chat.md "Replay and resume").
    if (more) this.transmit({ type: "replay", since: message.seq });
    if (!this.note(message.seq)) return;
    this.o.onEvent({ type: "message", message });
  }

  private error(frame: Record<string, unknown>) {
    const code = String(frame.code ?? "error");
    const detail = String(frame.detail ?? code);
    const clientId = typeof frame.clientId === "string" ? frame.clientId : undefined;
    if (clientId && this.outbox.has(clientId)) {
      const retryAfter = Number(frame.retryAfter);
      if (Number.isFinite(retryAfter) && retryAfter > 0) {
        // Rate limited: the same send again once the room allows it.
        this.o.setTimer(() => {
          const message = this.outbox.get(clientId);
          if (message) this.transmit({ type: "send", ...message });
        }, retryAfter * 1000);
        return;
      }
      this.outbox.delete(clientId);
      return this.o.onEvent({ type: "failed", clientId, code, detail });
    }
    if (code === "conflict") return; // a replay page already on its way
    this.o.onEvent({ type: "error", code, detail });
  }

  /** Records a seq; false when it was already received (a replay and a live frame of the same message). */
  private note(seq: number): boolean {
    if (seq <= this.contiguous || this.ahead.has(seq)) return false;
    this.ahead.add(seq);
    while (this.ahead.delete(this.contiguous + 1)) this.contiguous++;
    return true;
  }

  private flushRead() {
    if (this.readSeq > this.readSent && this.transmit({ type: "read", seq: this.readSeq }))
      this.readSent = this.readSeq;
  }

  private transmit(frame: Record<string, unknown>): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN || this.status !== "open") return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  private schedulePing() {
    this.pingTimer = this.o.setTimer(() => {
      this.pingTimer = null;
      if (this.transmit({ type: "ping" })) this.schedulePing();
    }, PING_MS);
  }

  private clearTimers() {
    if (this.retryTimer !== null) this.o.clearTimer(this.retryTimer);
    if (this.pingTimer !== null) this.o.clearTimer(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }

  private setStatus(status: RoomStatus, extra: { retryInMs?: number; reason?: string } = {}) {
    this.status = status;
    this.o.onEvent({ type: "status", status, ...extra });
  }
}
