import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import type { Message } from "../../schemas/chat";
import { createApp } from "../../workers/app";
import { securityAlertEvent } from "../../workers/identity";
import { deliverToQueue, NOTIFICATIONS_QUEUE, recordingDeps } from "../notifications/helpers";
import { ADDRESS, call, checkout, expectJson, type Order, patchStatus, pay, userCart } from "../orders/helpers";

/** Someone who can call the API: a chat test account, a seller, a registered buyer. */
export interface Person {
  userId: string;
  token: string;
}

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(120).fill(0)]);

const app = createApp();

/**
 * A request through the Worker's app with `vars` over the test env's (other PII keys, say), waiting
 * for what it left to `waitUntil` (the erasure job's first run, the outbox drain).
 */
export async function appCall(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; vars?: Record<string, string> } = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const headers = new Headers();
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  if (options.body !== undefined) headers.set("Content-Type", "application/json");
  const res = await app.fetch(
    new Request(`http://tchat.test${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    }),
    { ...env, ...options.vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

/** DELETE /users/me, waiting for the erasure job's first run. */
export async function deleteAccount(token: string): Promise<void> {
  const res = await appCall("DELETE", "/api/v1/users/me", { token });
  expect(res.status, await res.clone().text()).toBe(202);
}

/** A signed-in checkout with a contact email, paid; with `upTo: "delivered"` the seller delivers it. */
export async function orderOf(
  buyer: Person,
  seller: Person,
  productId: string,
  upTo: "paid" | "delivered",
): Promise<Order> {
  const who = { token: buyer.token };
  await userCart(buyer.token, [{ productId, quantity: 1 }]);
  const [order] = await checkout(who, { shippingAddress: ADDRESS.TH, contactEmail: "buyer@example.com" });
  const payment = await pay(who, [order.id]);
  const sim = await call("POST", `/api/v1/payments/${payment.id}/simulate`, { ...who, body: { outcome: "success" } });
  expect(sim.status, await sim.clone().text()).toBe(200);
  if (upTo === "delivered") await deliver(seller, order.id);
  return order;
}

/** The seller moves a paid order through processing and shipped to delivered. */
export async function deliver(seller: Person, orderId: string): Promise<void> {
  for (const status of ["processing", "shipped", "delivered"]) {
    const moved = await patchStatus(seller.token, orderId, { status, trackingNumber: "TH123456789", courier: "Kerry" });
    expect(moved.status, await moved.clone().text()).toBe(200);
  }
}

/** An image uploaded by `who` and sent in the dialog. */
export async function sendPicture(dialogId: string, who: Person, text: string): Promise<Message> {
  const media = await expectJson<{ id: string }>(
    await call("POST", "/api/v1/media", { token: who.token, raw: PNG, headers: { "Content-Type": "image/png" } }),
    201,
  );
  return expectJson<Message>(
    await call("POST", `/api/v1/dialogs/${dialogId}/messages`, {
      token: who.token,
      body: { clientId: crypto.randomUUID(), kind: "image", mediaId: media.id, text },
    }),
    201,
  );
}

/** A security alert delivered through the notifications consumer: an inbox notification. */
export async function notify(userId: string): Promise<void> {
  await deliverToQueue(
    NOTIFICATIONS_QUEUE,
    [{ body: securityAlertEvent(userId, "new_sign_in", { device: "Phone" }) }],
    recordingDeps().deps,
  );
}

export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

/** A dialog `owner` opens with `others` (direct: exactly one other). */
export async function dialog(
  owner: Person,
  others: Person[],
  type: "direct" | "group" = "direct",
): Promise<{ id: string }> {
  const res = await call("POST", "/api/v1/dialogs", {
    token: owner.token,
    body: { type, participantIds: others.map((o) => o.userId), ...(type === "group" ? { name: "Friends" } : {}) },
  });
  expect([200, 201], await res.clone().text()).toContain(res.status);
  return (await res.json()) as { id: string };
}

export async function say(dialogId: string, who: Person, text: string): Promise<Message> {
  return expectJson<Message>(
    await call("POST", `/api/v1/dialogs/${dialogId}/messages`, {
      token: who.token,
      body: { clientId: crypto.randomUUID(), kind: "text", text },
    }),
    201,
  );
}

/** What `reader` sees of a dialog, newest first. */
export async function history(dialogId: string, reader: Person): Promise<Message[]> {
  const res = await call("GET", `/api/v1/dialogs/${dialogId}/messages`, { token: reader.token });
  return (await expectJson<{ items: Message[] }>(res, 200)).items;
}

export const roomOf = (dialogId: string) => env.CHAT_ROOM.getByName(dialogId);
