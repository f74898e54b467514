import { env, evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { moveLegacyMessages } from "../../workers/chat/room/legacy";
import { decryptPii } from "../../workers/platform/pii";
import { accounts } from "../chat/helpers";
import { dialog, history, roomOf, say } from "./helpers";

const legacyTable = (dialogId: string) =>
  runInDurableObject(
    roomOf(dialogId),
    (_room, state) =>
      state.storage.sql
        .exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'messages_v0'")
        .toArray().length,
  );

/** The first sketch's `messages` table, with plaintext bodies, as an old room still has it. */
const OLD_SCHEMA = `CREATE TABLE messages (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL, sender_id TEXT NOT NULL,
  body TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (sender_id, client_id))`;

describe("ChatRoom: the legacy plaintext messages_v0 table", () => {
  it("an old room's plaintext messages are sealed into today's table on wake, and the old table is dropped", async () => {
    const [a, b] = await accounts(2);
    const room = await dialog(a, [b]);
    const t0 = Date.now() - 60_000;
    await runInDurableObject(roomOf(room.id), (_room, state) => {
      const sql = state.storage.sql;
      // A room from before versioning: no schema version, the first sketch's `messages`.
      sql.exec("DROP TABLE schema_version");
      sql.exec("DROP TABLE messages");
      sql.exec(OLD_SCHEMA);
      sql.exec(
        "INSERT INTO messages VALUES (1, 'msg_legacy1', 'c1', ?, 'sawasdee from the old days', ?)",
        a.userId,
        t0,
      );
      sql.exec(
        "INSERT INTO messages VALUES (2, 'msg_legacy2', 'c2', ?, 'my number is 081 234 5678', ?)",
        b.userId,
        t0 + 1,
      );
    });

    // The object wakes with today's code: step 1 sets the table aside, step 2 seals and moves it.
    await evictDurableObject(roomOf(room.id));
    const seen = await history(room.id, b);
    expect(seen.map((m) => [m.seq, m.senderId, m.text])).toEqual([
      [2, b.userId, "my number is 081 234 5678"],
      [1, a.userId, "sawasdee from the old days"],
    ]);
    expect(await legacyTable(room.id)).toBe(0);
    const stored = await runInDurableObject(roomOf(room.id), (_room, state) =>
      state.storage.sql.exec<{ content_enc: string }>("SELECT content_enc FROM messages ORDER BY seq").toArray(),
    );
    for (const row of stored) expect(row.content_enc).not.toContain("sawasdee");
    expect(JSON.parse(await decryptPii(env, stored[0].content_enc))).toEqual({ text: "sawasdee from the old days" });

    // Sending goes on after the migrated messages.
    expect((await say(room.id, a, "and today")).seq).toBe(3);
  });

  it("is idempotent, and legacy rows follow the messages of a room used since the table was set aside", async () => {
    const [a, b] = await accounts(2);
    const room = await dialog(a, [b]);
    await say(room.id, a, "new 1");
    await say(room.id, b, "new 2");
    const moved = await runInDurableObject(roomOf(room.id), async (_room, state) => {
      const sql = state.storage.sql;
      sql.exec(OLD_SCHEMA.replace("CREATE TABLE messages", "CREATE TABLE messages_v0"));
      sql.exec("INSERT INTO messages_v0 VALUES (1, 'msg_old1', 'c1', ?, 'old one', 1)", a.userId);
      sql.exec("INSERT INTO messages_v0 VALUES (2, 'msg_old2', 'c2', ?, 'old two', 2)", a.userId);
      const first = await moveLegacyMessages(state.storage, env);
      // A run that finds the table gone (another finished first) changes nothing.
      const second = await moveLegacyMessages(state.storage, env);
      return { first, second, count: sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM messages").one().n };
    });
    expect(moved).toEqual({ first: 2, second: 0, count: 4 });
    expect(await legacyTable(room.id)).toBe(0);
    const seen = await history(room.id, a);
    expect(seen.map((m) => [m.seq, m.text])).toEqual([
      [4, "old two"],
      [3, "old one"],
      [2, "new 2"],
      [1, "new 1"],
    ]);

    // The same rows set aside again (a crash before the drop, say) are not copied twice.
    const again = await runInDurableObject(roomOf(room.id), async (_room, state) => {
      const sql = state.storage.sql;
      sql.exec(OLD_SCHEMA.replace("CREATE TABLE messages", "CREATE TABLE messages_v0"));
      sql.exec("INSERT INTO messages_v0 VALUES (1, 'msg_old1', 'c1', ?, 'old one', 1)", a.userId);
      const n = await moveLegacyMessages(state.storage, env);
      return { n, count: sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM messages").one().n };
    });
    expect(again).toEqual({ n: 0, count: 4 });
    expect(await legacyTable(room.id)).toBe(0);
  });
});
