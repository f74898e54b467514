import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { register } from "../support/accounts";
import {
  type Account,
  accounts,
  call,
  type DialogItem,
  direct,
  expectJson,
  expectProblem,
  get,
  group,
  type Page,
  post,
  say,
} from "./helpers";

// Dialog list items' `members` (beyond the contract): who a dialog is with, by public name only.

interface Face {
  userId: string;
  displayName: string;
  avatarUrl?: string;
  shopName?: string;
}

type Item = DialogItem & { members: Face[] };

async function named(who: Account, displayName: string, avatarUrl: string | null = null): Promise<Account> {
  await env.DB.prepare("UPDATE users SET display_name = ?, avatar_url = ? WHERE id = ?")
    .bind(displayName, avatarUrl, who.userId)
    .run();
  return who;
}

/** Members are a set: compared in one order whatever order the dialog's query gives them in. */
const sorted = <T extends { userId: string }>(faces: T[]) =>
  [...faces].sort((p, q) => p.userId.localeCompare(q.userId));

const listOf = async (who: Account, query = "") =>
  (await expectJson<Page<Item>>(await get(`/api/v1/dialogs${query}`, who.token), 200)).items;

describe("dialog members' public names", () => {
  it("a direct dialog shows who it is with, in the list and in GET /dialogs/:id", async () => {
    const [a, b] = await accounts(2);
    await named(a, "Ploy");
    await named(b, "Budi", "https://cdn.example/avatars/budi.webp");
    const dialog = await direct(a, b);
    const faces = [
      { userId: a.userId, displayName: "Ploy" },
      { userId: b.userId, displayName: "Budi", avatarUrl: "https://cdn.example/avatars/budi.webp" },
    ];
    const item = (await listOf(a)).find((d) => d.id === dialog.id)!;
    expect(sorted(item.members)).toEqual(sorted(faces));
    const one = await expectJson<Item>(await get(`/api/v1/dialogs/${dialog.id}`, b.token), 200);
    expect(sorted(one.members)).toEqual(sorted(faces));
    // A name changed since shows at once (read with the dialog, never copied into it).
    await named(b, "Budi S.");
    const again = await expectJson<Item>(await get(`/api/v1/dialogs/${dialog.id}`, a.token), 200);
    expect(again.members.find((m) => m.userId === b.userId)?.displayName).toBe("Budi S.");
  });

  it("a support dialog gives the shop side the shop's name", async () => {
    const [buyer, owner] = await accounts(2);
    await named(buyer, "Nok");
    await named(owner, "Owner person");
    const shop = await expectJson<{ id: string; name: string }>(
      await post(
        "/api/v1/shops",
        { name: `Shop ${crypto.randomUUID().slice(0, 6)}`, category: "fashion", country: "TH", currency: "THB" },
        owner.token,
      ),
      201,
    );
    const { dialogId } = await expectJson<{ dialogId: string }>(
      await call("POST", `/api/v1/shops/${shop.id}/chat`, { token: buyer.token }),
      201,
    );
    const expected = [
      { userId: buyer.userId, displayName: "Nok" },
      { userId: owner.userId, displayName: "Owner person", shopName: shop.name },
    ];
    for (const who of [buyer, owner]) {
      const item = (await listOf(who)).find((d) => d.id === dialogId)!;
      expect(sorted(item.members)).toEqual(sorted(expected));
    }
    const one = await expectJson<Item>(await get(`/api/v1/dialogs/${dialogId}`, owner.token), 200);
    expect(sorted(one.members)).toEqual(sorted(expected));
  });

  it("never a phone number or an email; only the caller's own dialogs", async () => {
    const registered = await register({ emailPrefix: "face", displayName: "Registered" });
    const me: Account = { userId: registered.user.id, token: registered.accessToken, sessionId: "" };
    const [other, stranger] = await accounts(2);
    const dialog = await direct(me, other);
    await say(dialog.id, me, "hello");
    const res = await get(`/api/v1/dialogs/${dialog.id}`, other.token);
    const text = await res.clone().text();
    expect(text).not.toContain(registered.email);
    const item = await expectJson<Item>(res, 200);
    for (const face of item.members) {
      expect(Object.keys(face).every((k) => ["userId", "displayName", "avatarUrl", "shopName"].includes(k))).toBe(true);
    }
    expect(item.members.find((f) => f.userId === me.userId)?.displayName).toBe("Registered");

    // Someone outside the dialog learns nothing of its members.
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}`, stranger.token), 403, "forbidden");
    expect((await listOf(stranger)).some((d) => d.id === dialog.id)).toBe(false);
    await expectProblem(await get(`/api/v1/dialogs/${dialog.id}`), 401, "unauthorized");
  });

  it("every dialog of a page has its members, groups included, across pages", async () => {
    const [owner, ...rest] = await accounts(5);
    await named(owner, "Host");
    const teams = [
      await group(owner, rest.slice(0, 2)),
      await group(owner, rest.slice(2)),
      await direct(owner, rest[0]),
    ];
    const first = await expectJson<Page<Item>>(await get("/api/v1/dialogs?limit=2", owner.token), 200);
    const second = await listOf(owner, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const all = [...first.items, ...second];
    expect(new Set(all.map((d) => d.id))).toEqual(new Set(teams.map((d) => d.id)));
    for (const d of all) {
      expect(d.members.map((m) => m.userId)).toEqual(d.participantIds);
      expect(d.members.find((m) => m.userId === owner.userId)?.displayName).toBe("Host");
    }
  });
});
