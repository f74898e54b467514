import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { base, signUp } from "./flows";

interface Frame {
  type: string;
  // biome-ignore lint/suspicious/noExplicitAny: loosely typed JSON frames
  [key: string]: any;
}

async function api<T>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A browser-style WebSocket (no headers possible): authenticated with a ticket. */
async function open(dialogId: string, token: string, since?: number) {
  const { status, body } = await api<{ ticket: string }>("POST", "/api/v1/realtime/tickets", token);
  expect(status).toBe(201);
  const url = new URL(`${base.replace(/^http/, "ws")}/api/v1/dialogs/${dialogId}/ws`);
  url.searchParams.set("ticket", body.ticket);
  if (since !== undefined) url.searchParams.set("since", String(since));
  const ws = new WebSocket(url.toString());
  const frames: Frame[] = [];
  ws.addEventListener("message", (e) => frames.push(JSON.parse(String(e.data)) as Frame));
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error("socket failed to open")), { once: true });
  });
  const next = async (type: string, timeoutMs = 5000): Promise<Frame> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = frames.findIndex((f) => f.type === type);
      if (i >= 0) return frames.splice(i, 1)[0];
      if (Date.now() > until) throw new Error(`no ${type} frame; have ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { ws, frames, next };
}

describe("chat against a real local server", () => {
  it("publishes the chat endpoints in a valid OpenAPI document", async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/dialogs", "/api/v1/dialogs/{id}/ws", "/api/v1/realtime/tickets"]),
    );
  });

  it("two people talk over WebSockets opened with tickets; a reconnect resumes from since", async () => {
    const a = await signUp("Anong");
    const b = await signUp("Budi");
    const created = await api<{ id: string }>("POST", "/api/v1/dialogs", a.token, {
      type: "direct",
      participantIds: [b.userId],
    });
    expect(created.status).toBe(201);
    const dialogId = created.body.id;

    const sa = await open(dialogId, a.token);
    const sb = await open(dialogId, b.token);
    sa.ws.send(JSON.stringify({ type: "send", clientId: "e2e-1", kind: "text", text: "สวัสดี" }));
    const ack = await sa.next("ack");
    expect(ack.message).toMatchObject({ seq: 1, text: "สวัสดี", senderId: a.userId });
    expect((await sb.next("message")).message.id).toBe(ack.message.id);
    sa.ws.send('{"type":"ping"}');
    expect(await sa.next("pong")).toEqual({ type: "pong" });

    sb.ws.close();
    const missed = await api<{ seq: number }>("POST", `/api/v1/dialogs/${dialogId}/messages`, a.token, {
      clientId: "e2e-2",
      kind: "text",
      text: "while you were away",
    });
    expect(missed.status).toBe(201);
    const again = await open(dialogId, b.token, 1);
    expect((await again.next("message")).message).toMatchObject({ seq: 2, text: "while you were away" });

    // A plain GET is 426 and does not spend a ticket; a spent ticket opens nothing.
    const { body } = await api<{ ticket: string }>("POST", "/api/v1/realtime/tickets", a.token);
    const url = `${base}/api/v1/dialogs/${dialogId}/ws?ticket=${body.ticket}`;
    expect((await fetch(url)).status).toBe(426);
    const ws = new WebSocket(url.replace(/^http/, "ws"));
    await new Promise((resolve) => ws.addEventListener("open", resolve, { once: true }));
    ws.close();
    const refused = new WebSocket(url.replace(/^http/, "ws"));
    const outcome = await new Promise<string>((resolve) => {
      refused.addEventListener("open", () => resolve("open"), { once: true });
      refused.addEventListener("error", () => resolve("refused"), { once: true });
    });
    expect(outcome).toBe("refused");
    sa.ws.close();
    again.ws.close();
  });
});
