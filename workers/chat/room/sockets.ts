import type { ServerFrame } from "../../../schemas/chat";
import type { SocketState } from "./types";

type BroadcastOptions = { excludeSocket?: string; excludeUser?: string; onlyUser?: string };

/**
 * The live sockets of one room (WebSocket Hibernation): who is on which socket, fan-out, and the
 * sockets that are still being replayed to. The per-socket state is each socket's attachment, so
 * after a wake-up the index is rebuilt from `getWebSockets()`; nothing lives only in memory.
 */
export class RoomSockets {
  private index: Map<WebSocket, SocketState> | null = null;
  /** The users with a socket here, kept until a socket opens or goes (read on every message). */
  private users: Set<string> | null = null;
  /** Rises whenever a socket opens or goes: lets callers keep what they derive from the sockets. */
  private changes = 0;
  /** Sockets still being replayed to, with the non-message frames held back until they are live. */
  private readonly replaying = new Map<WebSocket, string[]>();
  /** Sockets with a requested replay page being sent (one at a time per socket). */
  private readonly paging = new Set<WebSocket>();

  constructor(
    private readonly ctx: DurableObjectState,
    /** Called when a user's last socket on the room is gone (presence). */
    private readonly onLastGone: (userId: string) => void,
  ) {}

  all(): Map<WebSocket, SocketState> {
    if (!this.index) {
      this.index = new Map();
      for (const ws of this.ctx.getWebSockets()) {
        const state = ws.deserializeAttachment() as SocketState | null;
        if (state) this.index.set(ws, state);
      }
    }
    return this.index;
  }

  accept(ws: WebSocket, state: SocketState): void {
    this.ctx.acceptWebSocket(ws, [state.userId]);
    ws.serializeAttachment(state);
    this.all().set(ws, state);
    this.changed();
  }

  /** A number that changes whenever the set of sockets does. */
  version(): number {
    return this.changes;
  }

  private changed(): void {
    this.users = null;
    this.changes += 1;
  }

  stateOf(ws: WebSocket): SocketState | undefined {
    const known = this.all().get(ws);
    if (known) return known;
    const state = ws.deserializeAttachment() as SocketState | null;
    if (state) {
      this.all().set(ws, state);
      this.changed();
    }
    return state ?? undefined;
  }

  has(userId: string, exceptSocketId?: string): boolean {
    for (const s of this.all().values()) if (s.userId === userId && s.socketId !== exceptSocketId) return true;
    return false;
  }

  /** The users with a socket here (the same Set until a socket opens or goes: do not change it). */
  connectedUsers(): ReadonlySet<string> {
    if (!this.users) {
      const users = new Set<string>();
      for (const s of this.all().values()) users.add(s.userId);
      this.users = users;
    }
    return this.users;
  }

  /** Keeps a user below `max` sockets by closing their oldest ones (a new socket always gets in). */
  makeRoom(userId: string, max: number): void {
    const mine = [...this.all()].filter(([, s]) => s.userId === userId);
    mine.sort((a, b) => a[1].connectedAt - b[1].connectedAt);
    while (mine.length >= max) {
      const [ws] = mine.shift()!;
      this.sendTo(ws, {
        type: "error",
        code: "rate_limited",
        detail: `At most ${max} connections per dialog: this one was replaced by a newer one.`,
      });
      this.close(ws, 4008, "replaced by a newer connection", true);
    }
  }

  /** Closes every socket of `userId` (their account was suspended or deleted); how many were open. */
  closeUser(userId: string, code: number, reason: string): number {
    const theirs = [...this.all()].filter(([, s]) => s.userId === userId);
    for (const [ws] of theirs) this.close(ws, code, reason);
    return theirs.length;
  }

  close(ws: WebSocket, code: number, reason: string, quiet = false): void {
    this.drop(ws, quiet);
    try {
      ws.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  /** Forgets a socket (closed, failed or closed by us); `quiet` skips the presence change. */
  drop(ws: WebSocket, quiet = false): void {
    const state = this.all().get(ws) ?? (ws.deserializeAttachment() as SocketState | null);
    this.all().delete(ws);
    this.changed();
    this.replaying.delete(ws);
    this.paging.delete(ws);
    if (!state) return;
    for (const [other, s] of this.all()) if (s.socketId === state.socketId) this.all().delete(other);
    if (!quiet && !this.has(state.userId)) this.onLastGone(state.userId);
  }

  // ------------------------------------------------------------------ replay

  startReplay(ws: WebSocket): void {
    this.replaying.set(ws, []);
  }

  /** A `replay` frame's page starts; false if one is already being sent on this socket. */
  beginPage(ws: WebSocket): boolean {
    if (this.paging.has(ws)) return false;
    this.paging.add(ws);
    return true;
  }

  endPage(ws: WebSocket): void {
    this.paging.delete(ws);
  }

  /** The socket is live: frames held back during its replay go out now. */
  endReplay(ws: WebSocket): void {
    const held = this.replaying.get(ws) ?? [];
    this.replaying.delete(ws);
    for (const frame of held) this.sendRaw(ws, frame);
  }

  // ------------------------------------------------------------------ frames

  broadcast(frame: ServerFrame, options: BroadcastOptions = {}): void {
    this.broadcastData(JSON.stringify(frame), frame.type !== "message", options);
  }

  /**
   * Sends one serialised frame to every socket (the caller serialised it once): per socket only
   * the filters and `ws.send`. `holdBack`: a non-message frame waits for a socket's replay to end.
   */
  broadcastData(data: string, holdBack: boolean, options: BroadcastOptions = {}): void {
    const { excludeSocket, excludeUser, onlyUser } = options;
    const replaying = this.replaying.size > 0 ? this.replaying : null;
    for (const [ws, s] of this.all()) {
      if (s.socketId === excludeSocket) continue;
      if (excludeUser !== undefined && s.userId === excludeUser) continue;
      if (onlyUser !== undefined && s.userId !== onlyUser) continue;
      const held = replaying?.get(ws);
      if (held) {
        // The replay loop picks up new messages itself; other frames wait until it is done.
        if (holdBack) held.push(data);
        continue;
      }
      try {
        ws.send(data);
      } catch {
        // A socket that is closing: its close handler cleans up.
      }
    }
  }

  sendTo(ws: WebSocket, frame: ServerFrame): void {
    this.sendRaw(ws, JSON.stringify(frame));
  }

  sendRaw(ws: WebSocket, data: string): void {
    try {
      ws.send(data);
    } catch {
      // A socket that is closing: its close handler cleans up.
    }
  }
}
