import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ChatRoom } from "../../durable-objects/chat-room";
import type { SocketState } from "../../workers/chat/room/types";
import { accounts, connect, direct, eventually, roomOf } from "./helpers";

/** The room's private parts (its Room, workers/chat/room/room.ts) this test reaches into to make time pass. */
interface RoomInternals {
  setMeta(patch: { heartbeat_at: number | null }): void;
  live: { all(): Map<WebSocket, SocketState> };
}

async function heartbeatNow(dialogId: string, prepare?: (room: RoomInternals) => void): Promise<void> {
  await runInDurableObject(roomOf(dialogId), async (instance: ChatRoom) => {
    const room = (instance as unknown as { room: RoomInternals }).room;
    prepare?.(room);
    room.setMeta({ heartbeat_at: 1 });
    await instance.alarm();
  });
}

const lease = (userId: string, dialogId: string) =>
  env.DB.prepare("SELECT expires_at, last_seen_at FROM chat_presence WHERE user_id = ? AND dialog_id = ?")
    .bind(userId, dialogId)
    .first<{ expires_at: number; last_seen_at: number }>();

describe("chat room heartbeats", () => {
  it("renew the presence leases of connected members", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const first = await eventually(async () => (await lease(a.userId, dialog.id)) ?? undefined);
    expect(first.expires_at).toBeGreaterThan(Date.now());
    await heartbeatNow(dialog.id);
    const renewed = await lease(a.userId, dialog.id);
    expect(renewed!.expires_at).toBeGreaterThanOrEqual(first.expires_at);
    sa.close();
  });

  it("close sockets whose session ended and sockets that went silent", async () => {
    const [a, b] = await accounts(2);
    const dialog = await direct(a, b);
    const sa = await connect(dialog.id, a);
    const sb = await connect(dialog.id, b);
    await env.DB.prepare("UPDATE sessions SET revoked_at = ? WHERE id = ?").bind(Date.now(), a.sessionId).run();
    await heartbeatNow(dialog.id);
    expect((await sa.waitClosed()).code).toBe(4401);
    // b is still there (a ping the room answers itself: an exact {"type":"ping"} is answered by the
    // runtime and would count as a heartbeat).
    sb.send('{ "type": "ping" }');
    expect(await sb.nextOfType("pong")).toEqual({ type: "pong" });

    // A socket with no frame for longer than CHAT_SOCKET_IDLE_SECONDS is considered gone.
    await heartbeatNow(dialog.id, (room) => {
      for (const state of room.live.all().values()) if (state.userId === b.userId) state.lastActiveAt = 0;
    });
    expect((await sb.waitClosed()).code).toBe(4000);
    const offline = await eventually(async () => {
      const row = await lease(b.userId, dialog.id);
      return row && row.expires_at <= Date.now() ? row : undefined;
    });
    expect(offline.last_seen_at).toBeGreaterThan(0);
  });
});
