import { DurableObject } from "cloudflare:workers";
import type { StreamNotification } from "../workers/realtime/hub/frames";
import { UserStream } from "../workers/realtime/hub/stream";

/** One user's realtime stream, named after the user id: the code it runs is workers/realtime/hub/. */
export class UserHub extends DurableObject<Env> {
  private readonly stream: UserStream;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.stream = new UserStream(ctx, env);
  }

  /** Shows notifications, in order, on every connected device; answers how many sockets they reached. */
  notifyMany(notifications: StreamNotification[]): number {
    return this.stream.notifyMany(notifications);
  }

  /** A dialog's unread count changed; answers how many sockets it reached. */
  unread(dialogId: string, count: number): number {
    return this.stream.unread(dialogId, count);
  }

  /** Closes every socket (the account was suspended or deleted); answers how many were open. */
  closeSockets(code: number, reason: string): Promise<number> {
    return this.stream.closeAll(code, reason);
  }

  /** Tells and closes the sockets of sessions signed out elsewhere; answers how many. */
  endSessions(sessionIds: string[]): Promise<number> {
    return this.stream.endSessions(sessionIds);
  }

  connectedDevices(): number {
    return this.stream.connectedDevices();
  }

  override async fetch(request: Request): Promise<Response> {
    return this.stream.open(request);
  }

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    this.stream.message(ws, data);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    await this.stream.closed(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    await this.stream.failed(ws);
  }

  override async alarm(): Promise<void> {
    await this.stream.heartbeat();
  }
}
