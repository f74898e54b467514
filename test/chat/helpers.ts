import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { expect } from "vitest";
import type { Dialog, Message } from "../../schemas/chat";
import { issueAccessToken } from "../../workers/identity/tokens";
import { readConfig } from "../../workers/platform/config";
import { newId } from "../../workers/platform/ids";
import { register } from "../support/accounts";
import { BASE, call, expectJson, post } from "../support/http";

export * from "../support/http";

export interface Account {
  userId: string;
  sessionId: string;
  token: string;
}

export type DialogItem = Dialog & {
  unreadCount: number;
  lastMessage: { id: string; seq: number; senderId: string; kind: string; text?: string; deleted?: boolean } | null;
  lastSeq: number;
  lastReadSeq: number;
  role: string;
  muted: boolean;
};

// --- Accounts ----------------------------------------------------------------------------------

/** A real sign-up through the API (slow: PBKDF2). */
export async function registeredAccount(): Promise<Account> {
  const tokens = await register({ emailPrefix: "chat" });
  const sessionId = (await env.DB.prepare("SELECT id FROM sessions WHERE user_id = ?")
    .bind(tokens.user.id)
    .first<{ id: string }>())!.id;
  return { userId: tokens.user.id, sessionId, token: tokens.accessToken };
}

/**
 * Accounts made straight in D1 (a user and a live session each) with real access tokens: for
 * tests that need hundreds of members. The auth middleware checks them exactly like any other.
 */
export async function accounts(count: number, roles: string[] = ["customer"]): Promise<Account[]> {
  const now = Date.now();
  const made = Array.from({ length: count }, () => ({ userId: newId("usr"), sessionId: newId("ses") }));
  const statements = made.flatMap(({ userId, sessionId }) => [
    env.DB.prepare(
      `INSERT INTO users (id, country, locale, timezone, display_name, status, roles, created_at, updated_at)
       VALUES (?, 'TH', 'th', 'Asia/Bangkok', 'Member', 'active', ?, ?, ?)`,
    ).bind(userId, JSON.stringify(roles), now, now),
    env.DB.prepare(
      `INSERT INTO sessions (id, user_id, device_id, device_platform, created_at, last_active_at, expires_at)
       VALUES (?, ?, ?, 'web', ?, ?, ?)`,
    ).bind(sessionId, userId, `dev-${sessionId}`, now, now, now + 86_400_000),
  ]);
  for (let i = 0; i < statements.length; i += 200) await env.DB.batch(statements.slice(i, i + 200));
  const config = readConfig(env);
  return Promise.all(
    made.map(async ({ userId, sessionId }) => ({
      userId,
      sessionId,
      token: (await issueAccessToken(env, config, { userId, sessionId, roles: roles as never })).token,
    })),
  );
}

export async function account(roles?: string[]): Promise<Account> {
  return (await accounts(1, roles))[0];
}

// --- Dialogs and messages ----------------------------------------------------------------------

export async function direct(a: Account, b: Account): Promise<Dialog> {
  const res = await post("/api/v1/dialogs", { type: "direct", participantIds: [b.userId] }, a.token);
  expect([200, 201]).toContain(res.status);
  return (await res.json()) as Dialog;
}

export async function group(owner: Account, members: Account[], type: "group" | "channel" = "group"): Promise<Dialog> {
  const res = await post(
    "/api/v1/dialogs",
    { type, name: "Team", participantIds: members.map((m) => m.userId) },
    owner.token,
  );
  return expectJson<Dialog>(res, 201);
}

let clientSeq = 0;
export const clientId = (label = "c") => `${label}-${++clientSeq}-${crypto.randomUUID().slice(0, 8)}`;

export function sendHttp(dialogId: string, token: string, body: Record<string, unknown>): Promise<Response> {
  return post(`/api/v1/dialogs/${dialogId}/messages`, { clientId: clientId(), kind: "text", ...body }, token);
}

export async function say(dialogId: string, who: Account, text: string): Promise<Message> {
  return expectJson<Message>(await sendHttp(dialogId, who.token, { text }), 201);
}

export const roomOf = (dialogId: string) => env.CHAT_ROOM.getByName(dialogId);

export async function outboxChatEvents(dialogId: string): Promise<{ id: string; data: Record<string, unknown> }[]> {
  const { results } = await env.DB.prepare(
    "SELECT envelope FROM outbox_events WHERE type = 'chat.message' AND json_extract(envelope, '$.data.dialogId') = ? ORDER BY id",
  )
    .bind(dialogId)
    .all<{ envelope: string }>();
  return results.map((r) => JSON.parse(r.envelope) as { id: string; data: Record<string, unknown> });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` returns a value that is not undefined (or throws after `timeoutMs`). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("condition not met in time");
    await sleep(25);
  }
}

// --- WebSockets --------------------------------------------------------------------------------

// biome-ignore lint/suspicious/noExplicitAny: frames are loosely typed JSON in tests
export type Frame = { type: string; [key: string]: any };

/** A real WebSocket client inside workerd, collecting frames in arrival order. */
export class Client {
  readonly frames: Frame[] = [];
  private readonly waiters = new Set<() => void>();
  closed: { code: number; reason: string } | null = null;

  constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (event) => {
      this.frames.push(JSON.parse(event.data as string) as Frame);
      for (const wake of this.waiters) wake();
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      for (const wake of this.waiters) wake();
    });
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** The first frame not taken yet that matches; it is taken. */
  async next(match: (f: Frame) => boolean = () => true, timeoutMs = 3000): Promise<Frame> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex(match);
      if (i >= 0) return this.frames.splice(i, 1)[0];
      const left = until - Date.now();
      if (left <= 0) throw new Error(`no matching frame in ${timeoutMs} ms; have ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  nextOfType(type: string, timeoutMs?: number): Promise<Frame> {
    return this.next((f) => f.type === type, timeoutMs);
  }

  /** Waits `ms` and returns (and takes) every frame that matches. */
  async drain(match: (f: Frame) => boolean = () => true, ms = 150): Promise<Frame[]> {
    await sleep(ms);
    const out = this.frames.filter(match);
    for (const f of out) this.frames.splice(this.frames.indexOf(f), 1);
    return out;
  }

  async waitClosed(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    const until = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > until) throw new Error("socket did not close");
      await sleep(10);
    }
    return this.closed;
  }

  close(): void {
    try {
      this.ws.close(1000, "bye");
    } catch {
      // already closed
    }
  }
}

export function socketRequest(
  dialogId: string,
  auth: { token?: string; ticket?: string },
  since?: number,
  extra: Record<string, string> = {},
): Request {
  const query = new URLSearchParams();
  if (since !== undefined) query.set("since", String(since));
  if (auth.ticket) query.set("ticket", auth.ticket);
  const qs = query.toString();
  return new Request(`${BASE}/api/v1/dialogs/${dialogId}/ws${qs ? `?${qs}` : ""}`, {
    headers: {
      Upgrade: "websocket",
      ...(auth.token ? { Authorization: `Bearer ${auth.token}` } : {}),
      ...extra,
    },
  });
}

export async function connect(dialogId: string, who: Account | { ticket: string }, since?: number): Promise<Client> {
  const auth = "ticket" in who ? { ticket: who.ticket } : { token: who.token };
  const res = await exports.default.fetch(socketRequest(dialogId, auth, since));
  if (res.status !== 101) throw new Error(`socket refused: ${res.status} ${await res.text()}`);
  const ws = res.webSocket!;
  ws.accept();
  return new Client(ws);
}

export async function ticketFor(who: Account): Promise<string> {
  const res = await call("POST", "/api/v1/realtime/tickets", { token: who.token });
  return (await expectJson<{ ticket: string; expiresIn: number }>(res, 201)).ticket;
}
