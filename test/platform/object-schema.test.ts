import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Cart } from "../../durable-objects/cart";
import type { ChatRoom } from "../../durable-objects/chat-room";
import type { Inventory } from "../../durable-objects/inventory";
import { CART_MIGRATIONS } from "../../workers/cart/object/schema";
import { roomMigrations } from "../../workers/chat/room/schema";
import { inventoryMigrations } from "../../workers/inventory/object/schema";
import { newId } from "../../workers/platform/ids";
import {
  applyMigrations,
  migrateInOrder,
  type SchemaMigration,
  schemaVersion,
} from "../../workers/platform/object-schema";

const step = (version: number, up: (sql: SqlStorage) => void): SchemaMigration => ({
  version,
  name: `step ${version}`,
  up,
});

/** Every row of every table but the version's own, as text: "changes nothing" is "the same text". */
function dump(sql: SqlStorage): string {
  const tables = sql
    .exec<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version' ORDER BY name",
    )
    .toArray()
    .map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, sql.exec(`SELECT * FROM "${t}" ORDER BY 1`).toArray()]));
}

/** A fresh object's storage, emptied (its own class's tables gone) for the helper's own steps. */
const emptyRoom = () => env.CHAT_ROOM.getByName(newId("dlg"));

describe("object schemas carry a version and migrate in order", () => {
  it("an object at version N-1 runs step N once; running again changes nothing", async () => {
    await runInDurableObject(emptyRoom(), async (_room: ChatRoom, state) => {
      await state.storage.deleteAll();
      const sql = state.storage.sql;
      const v1 = step(1, (s) => s.exec("CREATE TABLE notes (n INTEGER)"));
      const v2 = step(2, (s) => s.exec("INSERT INTO notes (n) VALUES (2)"));
      expect(schemaVersion(sql)).toBe(0);
      expect(applyMigrations(state.storage, [v1])).toBe(1);

      expect(applyMigrations(state.storage, [v1, v2])).toBe(2);
      const once = dump(sql);
      expect(sql.exec("SELECT n FROM notes").toArray()).toEqual([{ n: 2 }]);
      expect(applyMigrations(state.storage, [v1, v2])).toBe(2);
      expect(dump(sql)).toBe(once);
      expect(schemaVersion(sql)).toBe(2);
    });
  });

  it("a step that throws leaves the previous version and nothing of itself; a list out of order is refused", async () => {
    await runInDurableObject(emptyRoom(), async (_room: ChatRoom, state) => {
      await state.storage.deleteAll();
      const sql = state.storage.sql;
      const v1 = step(1, (s) => s.exec("CREATE TABLE notes (n INTEGER)"));
      const broken = step(2, (s) => {
        s.exec("INSERT INTO notes (n) VALUES (2)");
        throw new Error("half done");
      });
      expect(() => applyMigrations(state.storage, [v1, broken])).toThrow("half done");
      expect(schemaVersion(sql)).toBe(1);
      expect(sql.exec("SELECT n FROM notes").toArray()).toEqual([]);

      const gap = [v1, step(3, () => {})];
      expect(() => applyMigrations(state.storage, gap)).toThrow(/expected 2/);
      expect(schemaVersion(sql)).toBe(1);
    });
  });

  it("a step with asynchronous work (encrypting rows, say) runs it before its transaction, once", async () => {
    await runInDurableObject(emptyRoom(), async (_room: ChatRoom, state) => {
      await state.storage.deleteAll();
      const sql = state.storage.sql;
      let runs = 0;
      const v1 = step(1, (s) => s.exec("CREATE TABLE legacy (body TEXT); INSERT INTO legacy VALUES ('hello')"));
      const v2: SchemaMigration = {
        version: 2,
        name: "copy legacy rows, sealed, then drop the legacy table",
        async before(s) {
          runs += 1;
          s.exec("CREATE TABLE IF NOT EXISTS sealed (body TEXT PRIMARY KEY)");
          for (const { body } of s.exec<{ body: string }>("SELECT body FROM legacy").toArray()) {
            const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
            s.exec("INSERT OR IGNORE INTO sealed VALUES (?)", btoa(String.fromCharCode(...new Uint8Array(digest))));
          }
        },
        up: (s) => s.exec("DROP TABLE legacy"),
      };
      expect(applyMigrations(state.storage, [v1])).toBe(1);
      expect(() => applyMigrations(state.storage, [v1, v2])).toThrow(/asynchronous/);
      expect(await migrateInOrder(state.storage, [v1, v2])).toBe(2);
      expect(await migrateInOrder(state.storage, [v1, v2])).toBe(2);
      expect(runs).toBe(1);
      expect(sql.exec("SELECT COUNT(*) AS n FROM sealed").one().n).toBe(1);
      expect(sql.exec("SELECT name FROM sqlite_master WHERE name = 'legacy'").toArray()).toEqual([]);
    });
  });

  it("a ChatRoom from before versioning (tables, a legacy plaintext table, no version) reaches the newest version once, its data intact", async () => {
    await runInDurableObject(emptyRoom(), async (_room: ChatRoom, state) => {
      const sql = state.storage.sql;
      // Built by its constructor: the newest version.
      expect(schemaVersion(sql)).toBe(roomMigrations(env).length);
      // Back to before versioning: the tables with a member in them, the first sketch's `messages`.
      sql.exec("DROP TABLE schema_version");
      sql.exec("INSERT INTO members (user_id, role, joined_at) VALUES ('usr_kept', 'admin', 1)");
      sql.exec("DROP TABLE messages");
      sql.exec(`CREATE TABLE messages (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
        sender_id TEXT NOT NULL, body TEXT NOT NULL, created_at INTEGER NOT NULL, UNIQUE (sender_id, client_id))`);
      sql.exec("INSERT INTO messages VALUES (1, 'm1', 'c1', 'usr_kept', 'plaintext', 1)");

      expect(await migrateInOrder(state.storage, roomMigrations(env))).toBe(2);
      expect(sql.exec("SELECT user_id FROM members").toArray()).toEqual([{ user_id: "usr_kept" }]);
      expect(sql.exec("SELECT name FROM sqlite_master WHERE name LIKE 'messages_v0%'").toArray()).toEqual([]);
      const moved = sql.exec<{ id: string; content_enc: string }>("SELECT id, content_enc FROM messages").toArray();
      expect(moved.map((m) => m.id)).toEqual(["m1"]);
      expect(moved[0].content_enc).not.toContain("plaintext");
      const once = dump(sql);
      expect(await migrateInOrder(state.storage, roomMigrations(env))).toBe(2);
      expect(dump(sql)).toBe(once);
    });
  });

  it("Cart and Inventory objects record their version at construction, and re-running changes nothing", async () => {
    const cart = env.CART.getByName(`user:${newId("usr")}`);
    await runInDurableObject(cart, async (_cart: Cart, state) => {
      const sql = state.storage.sql;
      expect(schemaVersion(sql)).toBe(CART_MIGRATIONS.length);
      // A cart from before versioning, with a line in it.
      sql.exec("DROP TABLE schema_version");
      sql.exec(
        `INSERT INTO cart_lines (id, product_id, variant_id, quantity, unit_price, name, added_at, updated_at)
         VALUES ('cli_1', 'prd_1', '', 2, 1000, 'Tea', 1, 1)`,
      );
      const before = dump(sql);
      expect(applyMigrations(state.storage, CART_MIGRATIONS)).toBe(CART_MIGRATIONS.length);
      expect(applyMigrations(state.storage, CART_MIGRATIONS)).toBe(CART_MIGRATIONS.length);
      expect(dump(sql)).toBe(before);
    });
    const sku = `prd_schema_${newId("x")}`;
    const stock = env.INVENTORY.getByName(`${sku}#0`);
    await runInDurableObject(stock, async (_inventory: Inventory, state) => {
      const migrations = inventoryMigrations(sku);
      expect(schemaVersion(state.storage.sql)).toBe(migrations.length);
      const once = dump(state.storage.sql);
      expect(applyMigrations(state.storage, migrations)).toBe(migrations.length);
      expect(dump(state.storage.sql)).toBe(once);
    });
  });
});
