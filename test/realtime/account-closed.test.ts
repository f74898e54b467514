import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ChatRoom } from "../../durable-objects/chat-room";
import {
  type Account,
  accounts,
  call,
  connect,
  del,
  direct,
  eventually,
  expectJson,
  expectProblem,
  post,
  registeredAccount,
  roomOf,
} from "../chat/helpers";
import { openStream } from "../notifications/helpers";
import { register, STRONG_PASSWORD } from "../support/accounts";

// A suspended or deleted account loses its open sockets within seconds (close code 4403), not at
// its next reconnect: the status change records an event whose consumer closes the account's
// sockets in every chat room it is connected to and on its realtime stream. The heartbeats stay
// the backstop: their session check also checks the account's status.

/** The contract's bound: "its sockets close within 5 s". */
const WITHIN_MS = 5_000;

/** The member's presence lease in the dialog: written a moment after the socket opens. */
const leased = (userId: string, dialogId: string) =>
  eventually(
    async () =>
      (await env.DB.prepare("SELECT 1 AS yes FROM chat_presence WHERE user_id = ? AND dialog_id = ? AND expires_at > ?")
        .bind(userId, dialogId, Date.now())
        .first()) ?? undefined,
  );

async function sockets(a: Account, b: Account) {
  const dialog = await direct(a, b);
  const room = await connect(dialog.id, a);
  const other = await connect(dialog.id, b);
  const stream = await openStream({ token: a.token });
  await leased(a.userId, dialog.id);
  return { dialog, room, other, stream };
}

describe("a suspended or deleted account's sockets close within seconds", () => {
  it("POST /admin/users/:id/suspend closes its chat room and realtime sockets (4403); others stay", async () => {
    const [a, b] = await accounts(2);
    const [admin] = await accounts(1, ["customer", "admin"]);
    const { room, other, stream } = await sockets(a, b);

    const user = await expectJson<{ id: string; status: string }>(
      await post(`/api/v1/admin/users/${a.userId}/suspend`, { reason: "Chargeback fraud under review" }, admin.token),
      200,
    );
    expect(user).toMatchObject({ id: a.userId, status: "suspended" });
    expect(await room.waitClosed(WITHIN_MS)).toEqual({ code: 4403, reason: "account suspended" });
    expect((await stream.waitClosed(WITHIN_MS)).code).toBe(4403);
    // Its token stopped working at once; the other member is still connected.
    await expectProblem(await call("GET", "/api/v1/users/me", { token: a.token }), 401, "unauthorized");
    other.send('{ "type": "ping" }');
    expect(await other.nextOfType("pong")).toEqual({ type: "pong" });
    other.close();
  });

  it("DELETE /users/me closes the account's sockets too", async () => {
    const a = await registeredAccount();
    const [b] = await accounts(1);
    const { room, other, stream } = await sockets(a, b);
    const res = await del("/api/v1/users/me", a.token);
    expect(res.status).toBe(202);
    expect(await room.waitClosed(WITHIN_MS)).toEqual({ code: 4403, reason: "account deleted" });
    expect((await stream.waitClosed(WITHIN_MS)).code).toBe(4403);
    other.close();
  });

  it("the heartbeats' session check also checks the status (the backstop): 4401 for a suspended account", async () => {
    const [a, b] = await accounts(2);
    const { dialog, room, other, stream } = await sockets(a, b);
    // Suspended behind the API's back: no event, sessions untouched.
    await env.DB.prepare("UPDATE users SET status = 'suspended' WHERE id = ?").bind(a.userId).run();
    await runInDurableObject(roomOf(dialog.id), async (instance: ChatRoom) => {
      const internals = (instance as unknown as { room: { setMeta(p: { heartbeat_at: number }): void } }).room;
      internals.setMeta({ heartbeat_at: 1 });
      await instance.alarm();
    });
    expect((await room.waitClosed()).code).toBe(4401);
    await runDurableObjectAlarm(env.USER_HUB.getByName(a.userId));
    expect((await stream.waitClosed()).code).toBe(4401);
    other.close();
  });
});

describe("suspension and sign-in", () => {
  it("sign-in answers 403 account_suspended (only with the right password); reinstating lets them back", async () => {
    const person = await register({ emailPrefix: "suspended" });
    const [admin] = await accounts(1, ["customer", "admin"]);
    const login = (password: string) => post("/api/v1/auth/login", { email: person.email, password });
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/suspend`, { reason: "Spam" }, admin.token), 200);
    // Twice is fine.
    await expectJson(await post(`/api/v1/admin/users/${person.user.id}/suspend`, { reason: "Spam" }, admin.token), 200);
    await expectProblem(await login(STRONG_PASSWORD), 403, "account_suspended");
    await expectProblem(await login("Wrong-password-1"), 401, "invalid_credentials");
    const audit = await env.DB.prepare(
      "SELECT actor_id FROM audit_events WHERE user_id = ? AND type = 'account_suspended'",
    )
      .bind(person.user.id)
      .all<{ actor_id: string }>();
    expect(audit.results).toEqual([{ actor_id: admin.userId }]);

    const back = await expectJson<{ status: string }>(
      await post(`/api/v1/admin/users/${person.user.id}/reinstate`, undefined, admin.token),
      200,
    );
    expect(back.status).toBe("active");
    await expectJson(await login(STRONG_PASSWORD), 200);
  });

  it("is for admins only; an unknown account is 404; a reason is required", async () => {
    const [a, b] = await accounts(2);
    const [admin] = await accounts(1, ["customer", "admin"]);
    await expectProblem(
      await post(`/api/v1/admin/users/${b.userId}/suspend`, { reason: "x" }, a.token),
      403,
      "forbidden",
    );
    await expectProblem(
      await post("/api/v1/admin/users/usr_01JD3Q5W8T2M4V6X8Z0B2D4F6H/suspend", { reason: "x" }, admin.token),
      404,
      "not_found",
    );
    await expectProblem(
      await post(`/api/v1/admin/users/${b.userId}/suspend`, {}, admin.token),
      422,
      "validation_failed",
    );
    await expectJson(await call("GET", "/api/v1/users/me", { token: b.token }), 200);
  });
});
