import { liveSessionIds } from "../../identity";
import { readConfig } from "../../platform/config";
import { database } from "../../platform/db";
import { logEvent } from "../../platform/log";
import { HUB_CLOSE, HUB_HEADERS, type HubFrame, PING, PONG, type StreamNotification } from "./frames";
import { HubPresence } from "./presence";

/** How stale a socket's recorded activity may get before a frame refreshes its attachment. */
const ACTIVITY_RESOLUTION_MS = 15_000;

/** What each socket remembers across hibernation (its attachment). */
interface HubSocket {
  userId: string;
  sessionId: string;
  deviceId: string;
  socketId: string;
  connectedAt: number;
  lastActiveAt: number;
}

/**
 * One user's realtime stream, the code the UserHub Durable Object runs: a socket per device
 * (WebSocket Hibernation: an idle hub is evicted from memory while its sockets stay open), fed
 * with notifications, unread badges and new-message hints from every dialog, so a phone keeps one
 * socket instead of one per dialog.
 *
 * - The Worker authenticates and forwards the upgrade with the user, session and device ids; the
 *   object's name is the user id, so everything here belongs to that user.
 * - One socket per device: a new socket with the same device id closes the old one (4009); past
 *   NOTIFICATIONS_HUB_MAX_SOCKETS devices the oldest is closed (4008).
 * - `{"type":"ping"}` is answered `{"type":"pong"}` by the runtime without waking the object.
 * - While sockets are open an alarm every NOTIFICATIONS_HUB_HEARTBEAT_SECONDS closes those silent
 *   for NOTIFICATIONS_HUB_IDLE_SECONDS (4000) and those whose session has ended (4401).
 * - `notifyMany(notifications)` and `unread(dialogId, count)` fan frames out to every socket and
 *   answer how many they reached.
 * - Whether any socket is open is announced in D1 (presence.ts) after every change, before an
 *   upgrade is answered, so senders call only the hubs of users with a socket open.
 */
export class UserStream {
  private readonly presence: HubPresence;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    this.presence = new HubPresence(ctx.storage, env, () => this.config().hubHeartbeatSeconds);
  }

  private config() {
    return readConfig(this.env).notifications;
  }

  /** Shows notifications, in order, on every connected device; answers how many sockets they reached. */
  notifyMany(notifications: StreamNotification[]): number {
    let reached = 0;
    for (const notification of notifications) {
      reached = Math.max(reached, this.broadcast({ type: "notification", notification }));
    }
    return reached;
  }

  /** A dialog's unread count changed (new message, or read on another device). */
  unread(dialogId: string, count: number): number {
    return this.broadcast({ type: "unread", dialogId, count });
  }

  /**
   * Sessions signed out from another device: each of their sockets is told (`session.revoked`, so
   * the app can say why) and closed with 4401 at once, not at the next heartbeat. How many.
   */
  async endSessions(sessionIds: string[]): Promise<number> {
    const ended = new Set(sessionIds);
    let closed = 0;
    for (const ws of this.openSockets()) {
      const state = stateOf(ws);
      if (!state || !ended.has(state.sessionId)) continue;
      this.send(ws, { type: "session.revoked", sessionId: state.sessionId });
      this.close(ws, HUB_CLOSE.sessionEnded, "signed out from another device");
      closed += 1;
    }
    if (closed > 0) await this.socketsChanged();
    return closed;
  }

  /** Closes every socket of this user at once (their account was suspended or deleted); how many. */
  async closeAll(code: number, reason: string): Promise<number> {
    const open = this.openSockets();
    for (const ws of open) this.close(ws, code, reason);
    if (open.length > 0) await this.socketsChanged();
    return open.length;
  }

  /** How many devices are connected right now. */
  connectedDevices(): number {
    return this.openSockets().length;
  }

  /** Accepts an authenticated upgrade: the newest socket of a device wins, the oldest devices give way. */
  async open(request: Request): Promise<Response> {
    const userId = request.headers.get(HUB_HEADERS.user) ?? "";
    const sessionId = request.headers.get(HUB_HEADERS.session) ?? "";
    const deviceId = request.headers.get(HUB_HEADERS.device) ?? sessionId;
    if (!userId || !sessionId) return Response.json({ code: "unauthorized", detail: "No caller." }, { status: 401 });
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ code: "upgrade_required", detail: "Open this path as a WebSocket." }, { status: 426 });
    }
    const config = this.config();
    const now = Date.now();
    for (const ws of this.openSockets(deviceTag(deviceId))) {
      this.close(ws, HUB_CLOSE.replaced, "replaced by a newer connection from this device");
    }
    const others = this.openSockets()
      .map((ws) => ({ ws, state: stateOf(ws) }))
      .sort((a, b) => (a.state?.connectedAt ?? 0) - (b.state?.connectedAt ?? 0));
    while (others.length >= config.hubMaxSockets) {
      const oldest = others.shift();
      if (oldest) this.close(oldest.ws, HUB_CLOSE.tooMany, `at most ${config.hubMaxSockets} devices at once`);
    }

    const { 0: client, 1: server } = new WebSocketPair();
    const state: HubSocket = {
      userId,
      sessionId,
      deviceId,
      socketId: crypto.randomUUID(),
      connectedAt: now,
      lastActiveAt: now,
    };
    this.ctx.acceptWebSocket(server, [deviceTag(deviceId)]);
    server.serializeAttachment(state);
    // Announced before the client hears 101: its catch-up read then sees every notification whose
    // sender found this user offline (presence.ts).
    await this.presence.sync(userId, this.openSockets().length, now);
    await this.scheduleHeartbeat(now);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** A client frame: this stream only receives, so anything but a ping is answered with an error. */
  message(ws: WebSocket, data: string | ArrayBuffer): void {
    const state = stateOf(ws);
    if (!state) {
      this.close(ws, 1011, "unknown socket");
      return;
    }
    const now = Date.now();
    if (now - state.lastActiveAt > ACTIVITY_RESOLUTION_MS) {
      state.lastActiveAt = now;
      ws.serializeAttachment(state);
    }
    this.send(ws, answerTo(data, this.config().hubMaxFrameBytes));
  }

  /** The client closed: finish the close handshake. */
  async closed(ws: WebSocket, code: number, reason: string): Promise<void> {
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // Already closed.
    }
    await this.socketsChanged();
  }

  async failed(ws: WebSocket): Promise<void> {
    this.close(ws, 1011, "socket error");
    await this.socketsChanged();
  }

  /** The alarm: close idle sockets and those whose session ended; keep ticking while any remain. */
  async heartbeat(): Promise<void> {
    const config = this.config();
    const now = Date.now();
    for (const ws of this.ctx.getWebSockets()) {
      const state = stateOf(ws);
      const pinged = this.ctx.getWebSocketAutoResponseTimestamp(ws)?.getTime() ?? 0;
      if (!state || now - Math.max(state.lastActiveAt, pinged) > config.hubIdleSeconds * 1000) {
        this.close(ws, HUB_CLOSE.idle, "no heartbeat");
      }
    }
    const open = this.openSockets().map((ws) => ({ ws, state: stateOf(ws) }));
    const sessionIds = open.map((s) => s.state?.sessionId).filter((id): id is string => Boolean(id));
    if (sessionIds.length > 0) {
      try {
        const live = await liveSessionIds(database(this.env), sessionIds, now);
        for (const { ws, state } of open) {
          if (state && !live.has(state.sessionId)) this.close(ws, HUB_CLOSE.sessionEnded, "session ended");
        }
      } catch (err) {
        logEvent("warn", "hub_session_check_failed", { error: String(err) });
      }
    }
    await this.presence.sync(undefined, this.openSockets().length, now);
    if (this.openSockets().length > 0 || !this.presence.settled()) await this.scheduleHeartbeat(now, true);
  }

  /** Sockets closed: announce it once none is open; a failed announcement is retried by the heartbeat. */
  private async socketsChanged(): Promise<void> {
    const now = Date.now();
    await this.presence.sync(undefined, this.openSockets().length, now);
    if (!this.presence.settled()) await this.scheduleHeartbeat(now);
  }

  /** Accepted sockets still open (one this object just closed lingers until the close completes). */
  private openSockets(tag?: string): WebSocket[] {
    return this.ctx.getWebSockets(tag).filter((ws) => ws.readyState === WebSocket.READY_STATE_OPEN);
  }

  private async scheduleHeartbeat(now: number, force = false): Promise<void> {
    if (!force && (await this.ctx.storage.getAlarm()) !== null) return;
    await this.ctx.storage.setAlarm(now + this.config().hubHeartbeatSeconds * 1000);
  }

  private broadcast(frame: HubFrame): number {
    const data = JSON.stringify(frame);
    let reached = 0;
    for (const ws of this.openSockets()) {
      try {
        ws.send(data);
        reached += 1;
      } catch {
        // Closing: its close handler cleans up.
      }
    }
    return reached;
  }

  private send(ws: WebSocket, frame: HubFrame): void {
    try {
      ws.send(frame.type === "pong" ? PONG : JSON.stringify(frame));
    } catch {
      // Closing.
    }
  }

  private close(ws: WebSocket, code: number, reason: string): void {
    try {
      ws.close(code, reason);
    } catch {
      // Already closed.
    }
  }
}

/** The answer to a client frame: a pong to a ping, an error to anything else. */
function answerTo(data: string | ArrayBuffer, maxBytes: number): HubFrame {
  if (typeof data !== "string" || data.length > maxBytes) {
    return { type: "error", code: "bad_request", detail: 'Frames are small JSON text, e.g. {"type":"ping"}.' };
  }
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return { type: "error", code: "bad_request", detail: 'A frame is one JSON object such as {"type":"ping"}.' };
  }
  if ((frame as { type?: unknown } | null)?.type === "ping") return { type: "pong" };
  return {
    type: "error",
    code: "validation_failed",
    detail: 'This stream only receives; the one client frame is {"type":"ping"}.',
  };
}

function deviceTag(deviceId: string): string {
  // Tags are at most 256 characters.
  return `device:${deviceId.slice(0, 240)}`;
}

function stateOf(ws: WebSocket): HubSocket | null {
  try {
    return ws.deserializeAttachment() as HubSocket | null;
  } catch {
    return null;
  }
}
