import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { parsePiiKeyring } from "../../workers/platform/config-pii-keys";
import { base64url } from "../../workers/platform/ids";
import { decryptPii, encryptPii } from "../../workers/platform/pii";
import { continuePiiRotation, runPiiRotation } from "../../workers/privacy/rotation";
import { createShop, newAdmin } from "../catalog/helpers";
import { createAddress, thaiAddress } from "../identity/helpers";
import { sellerWithProduct } from "../orders/helpers";
import { register } from "../support/accounts";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson, post } from "../support/http";
import { appCall, dialog, orderOf, roomOf, say } from "./helpers";

// Its assertions are about the whole database; other test files share it.
useFreshStorage();

const DEV = parsePiiKeyring(env)[0]; // key A: what the test env encrypts with ("v1")
const B = { id: "k2027-01", key: base64url(crypto.getRandomValues(new Uint8Array(32))) };
const keys = (...list: { id: string; key: string }[]) => ({ PII_ENCRYPTION_KEYS: JSON.stringify(list) });
const rotated = keys(B, DEV); // B encrypts, A still decrypts
const bOnly = keys(B); // A removed
const envWith = (vars: Record<string, string>): Env => ({ ...env, ...vars });

interface Status {
  keyId: string;
  keyIds: string[];
  done: boolean;
  targets: { target: string; done: boolean; rewritten: number; remaining: number | null }[];
}

/** Every encrypted column of D1 (the job's tables) with a value: table, column, value. */
const COLUMNS: [string, string][] = [
  ["users", "phone_enc"],
  ["users", "email_enc"],
  ["addresses", "details_enc"],
  ["orders", "contact_email_enc"],
  ["orders", "shipping_address_enc"],
  ["outbound_messages", "content_enc"],
  ["notification_devices", "token_enc"],
  ["shops", "contact_enc"],
  ["dialogs", "last_preview_enc"],
  ["chat_flags", "excerpt_enc"],
];
async function storedValues(): Promise<string[]> {
  const out: string[] = [];
  for (const [table, column] of COLUMNS) {
    const { results } = await env.DB.prepare(`SELECT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`).all<{
      v: string;
    }>();
    out.push(...results.map((r) => r.v));
  }
  return out;
}

describe("PII keys are versioned", () => {
  it("A's ciphertexts still open under [B, A]; new ones are B's; [B] alone opens B's only", async () => {
    const a = await encryptPii(env, "+66812345678");
    expect(a.startsWith("v1.")).toBe(true);
    expect(await decryptPii(rotated, a)).toBe("+66812345678");
    const b = await encryptPii(rotated, "somchai@example.com");
    expect(b.startsWith(`${B.id}.`)).toBe(true);
    expect(await decryptPii(bOnly, b)).toBe("somchai@example.com");
    await expect(decryptPii(bOnly, a)).rejects.toThrow(/"v1"/);
  });

  it("the former single PII_ENCRYPTION_KEY still works, alone (as v1) or beside a list", async () => {
    const legacy = { PII_ENCRYPTION_KEY: DEV.key };
    const a = await encryptPii(legacy, "old secret");
    expect(a.startsWith("v1.")).toBe(true);
    expect(await decryptPii(env, a)).toBe("old secret");
    const both = { ...bOnly, PII_ENCRYPTION_KEY: DEV.key };
    expect(await decryptPii(both, a)).toBe("old secret");
    expect((await encryptPii(both, "new")).startsWith(`${B.id}.`)).toBe(true);
  });

  it("a key list that cannot work is refused with what is wrong", () => {
    const refused = (value: string) => () => parsePiiKeyring({ PII_ENCRYPTION_KEYS: value });
    expect(refused("not json")).toThrow(/JSON list/);
    expect(refused("[]")).toThrow(/at least one key/);
    expect(refused(JSON.stringify([B, B]))).toThrow(/unique/);
    expect(refused(JSON.stringify([{ id: "a.b", key: B.key }]))).toThrow(/ids are/);
    expect(refused(JSON.stringify([{ id: "short", key: "c2hvcnQ" }]))).toThrow(/32 bytes/);
    expect(() => parsePiiKeyring({})).toThrow(/PII_ENCRYPTION_KEYS/);
  });
});

describe("the rotation job re-encrypts every encrypted column to the newest key", () => {
  it("resumes after an interruption, ends with every row on B, and everything reads once A is removed", async () => {
    // Data under key A in every domain that encrypts: identity, orders, messaging, notifications, shops, chat.
    const seller = await sellerWithProduct("TH");
    const signedUp = await register({ emailPrefix: "rotation" });
    const buyer = { token: signedUp.accessToken, userId: signedUp.user.id, email: signedUp.email };
    await expectJson(await createAddress(buyer.token, thaiAddress()), 201);
    await expectJson(
      await post(
        "/api/v1/notifications/devices",
        { token: `fcm-${crypto.randomUUID()}`, platform: "ios" },
        buyer.token,
      ),
      201,
    );
    const shop = await createShop(buyer.token, "TH", { contact: { email: "owner@example.com" } });
    const order = await orderOf(buyer, seller, seller.product.id, "paid");
    const chat = await dialog(buyer, [seller]);
    await say(chat.id, buyer, "Is it waterproof?");
    await say(chat.id, seller, "Yes, IP68");
    const admin = await newAdmin();
    const before = await storedValues();
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((v) => v.startsWith("v1."))).toBe(true);

    // Interrupted: three batches of two rows, then the run stops (a crash after its last commit).
    const small = envWith({ ...rotated, PII_ROTATION_BATCH_SIZE: "2" });
    const partial = (await runPiiRotation(small, { batches: 3 })) as Status;
    expect(partial).toMatchObject({ keyId: B.id, done: false });
    const users = partial.targets.find((t) => t.target === "users")!;
    expect(users.rewritten).toBeGreaterThan(0);
    // The cron continues a started rotation (one more run), then an admin drives it to the end.
    expect(await continuePiiRotation(small)).toBe(true);
    let status = partial;
    for (let i = 0; i < 30 && !status.done; i++) {
      status = await expectJson<Status>(
        await appCall("POST", "/api/v1/admin/pii-rotation", { token: admin.token, body: {}, vars: rotated }),
        200,
      );
    }
    expect(status.done).toBe(true);

    // Verify: nothing left under A, each value rewritten exactly once although the run was cut.
    const verified = await expectJson<Status>(
      await appCall("GET", "/api/v1/admin/pii-rotation", { token: admin.token, vars: rotated }),
      200,
    );
    for (const t of verified.targets) expect(t.remaining ?? 0, t.target).toBe(0);
    const after = await storedValues();
    expect(after.every((v) => v.startsWith(`${B.id}.`))).toBe(true);
    const d1Rewritten = verified.targets.filter((t) => t.target !== "chat_rooms").reduce((n, t) => n + t.rewritten, 0);
    expect(d1Rewritten).toBe(before.length);
    const roomContents = await runInDurableObject(roomOf(chat.id), (_room, state) =>
      state.storage.sql
        .exec<{ c: string }>("SELECT content_enc AS c FROM messages WHERE content_enc IS NOT NULL")
        .toArray()
        .map((r) => r.c),
    );
    expect(roomContents.length).toBeGreaterThan(1);
    expect(roomContents.every((c) => c.startsWith(`${B.id}.`))).toBe(true);
    expect(verified.targets.find((t) => t.target === "chat_rooms")?.rewritten).toBe(roomContents.length);

    // A removed: everything still reads.
    const me = await expectJson<{ email: string }>(
      await appCall("GET", "/api/v1/users/me", { token: buyer.token, vars: bOnly }),
      200,
    );
    expect(me.email).toBe(buyer.email);
    const addresses = await expectJson<{ items: { street: string }[] }>(
      await appCall("GET", "/api/v1/users/me/addresses", { token: buyer.token, vars: bOnly }),
      200,
    );
    expect(addresses.items[0].street).toBe(thaiAddress().street);
    const mine = await expectJson<{ contact: { email: string } }>(
      await appCall("GET", `/api/v1/shops/${shop.id}`, { token: buyer.token, vars: bOnly }),
      200,
    );
    expect(mine.contact.email).toBe("owner@example.com");
    const read = await expectJson<{ shippingAddress: { street: string } }>(
      await appCall("GET", `/api/v1/orders/${order.id}`, { token: buyer.token, vars: bOnly }),
      200,
    );
    expect(read.shippingAddress.street).toBeTruthy();
    const texts = await Promise.all(roomContents.map(async (c) => JSON.parse(await decryptPii(bOnly, c)).text));
    expect(texts.sort()).toEqual(["Is it waterproof?", "Yes, IP68"]);
    for (const v of after) await expect(decryptPii(bOnly, v)).resolves.toBeTypeOf("string");
  });
});
