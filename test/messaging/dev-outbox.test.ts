import { createExecutionContext, env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { DevOutbox } from "../../workers/messaging/outbound";
import type { OutboundMessage } from "../../workers/messaging/provider";
import { database } from "../../workers/platform/db";
import type { OutboxItem } from "../identity/helpers";
import { advanceTime } from "../support/clock";
import { useFreshStorage } from "../support/fresh-storage";
import type { Page as ListPage } from "../support/http";

// Its assertions are about the whole database; other test files share it.
useFreshStorage();

type Page = ListPage<OutboxItem>;

const THAI_PHONE = "+66812345678";
const INDONESIAN_PHONE = "+6281234567890";
const EMAIL = "ana@example.com";

/** In the order they are sent; the API lists them newest first. */
const MESSAGES: OutboundMessage[] = [
  { channel: "sms", to: THAI_PHONE, locale: "th", body: "รหัส OTP ของคุณคือ 111111" },
  { channel: "email", to: EMAIL, locale: "en", subject: "Welcome to Tchat", body: "Hello Ana" },
  { channel: "sms", to: INDONESIAN_PHONE, locale: "id", body: "Kode OTP Anda 222222" },
  { channel: "sms", to: THAI_PHONE, locale: "th", body: "รหัส OTP ของคุณคือ 333333" },
  { channel: "push", to: "device-token-1", locale: "vi", body: "Đơn hàng đã được giao" },
  { channel: "email", to: EMAIL, locale: "en", subject: "Your order", body: "Order TC-1 is paid" },
  { channel: "sms", to: THAI_PHONE, locale: "en", body: "Your OTP is 444444" },
];

const sentIds: string[] = [];

async function list(query = ""): Promise<Page> {
  const res = await exports.default.fetch(new Request(`http://tchat.test/api/v1/dev/outbox${query}`));
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await res.json()) as Page;
}

/** Follows nextCursor to the end and returns every page. */
async function allPages(query: string): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? "&" : "?";
    const page = await list(cursor ? `${query}${sep}cursor=${encodeURIComponent(cursor)}` : query);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

/** Ids of the sent messages matching `filter`, newest first. */
const expectedIds = (filter: (m: OutboundMessage) => boolean) =>
  MESSAGES.map((m, i) => ({ m, id: sentIds[i] }))
    .filter(({ m }) => filter(m))
    .map(({ id }) => id)
    .reverse();

beforeAll(async () => {
  const outbox = new DevOutbox(database(env));
  for (const message of MESSAGES) {
    const receipt = await outbox.send(message);
    expect(receipt.provider).toBe("dev_outbox");
    sentIds.push(receipt.providerMessageId);
    // Ids are time-ordered to the millisecond; keep each message in its own millisecond.
    advanceTime(1);
  }
});

describe("GET /api/v1/dev/outbox", () => {
  it("lists every message newest first, in the documented shape", async () => {
    const page = await list();
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => i.id)).toEqual([...sentIds].reverse());
    const newest = page.items[0];
    expect(newest).toEqual({
      id: sentIds[6],
      channel: "sms",
      to: THAI_PHONE,
      locale: "en",
      body: "Your OTP is 444444",
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(newest).not.toHaveProperty("subject");
    const email = page.items.find((i) => i.id === sentIds[5]);
    expect(email).toMatchObject({ channel: "email", to: EMAIL, subject: "Your order", body: "Order TC-1 is paid" });
    const times = page.items.map((i) => Date.parse(i.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by recipient", async () => {
    const thai = await list(`?to=${encodeURIComponent(THAI_PHONE)}`);
    expect(thai.items.map((i) => i.id)).toEqual(expectedIds((m) => m.to === THAI_PHONE));
    expect(thai.items.map((i) => i.body)).toEqual([
      "Your OTP is 444444",
      "รหัส OTP ของคุณคือ 333333",
      "รหัส OTP ของคุณคือ 111111",
    ]);
    const indonesian = await list(`?to=${encodeURIComponent(INDONESIAN_PHONE)}`);
    expect(indonesian.items.map((i) => i.body)).toEqual(["Kode OTP Anda 222222"]);
    // Email addresses are matched case-insensitively.
    const email = await list(`?to=${encodeURIComponent("Ana@Example.COM")}`);
    expect(email.items.map((i) => i.id)).toEqual(expectedIds((m) => m.to === EMAIL));
    expect((await list(`?to=${encodeURIComponent("+66000000000")}`)).items).toEqual([]);
  });

  it("filters by channel, alone and with a recipient", async () => {
    for (const channel of ["sms", "email", "push"] as const) {
      const page = await list(`?channel=${channel}`);
      expect(page.items.map((i) => i.id)).toEqual(expectedIds((m) => m.channel === channel));
      for (const item of page.items) expect(item.channel).toBe(channel);
    }
    const thaiSms = await list(`?to=${encodeURIComponent(THAI_PHONE)}&channel=sms`);
    expect(thaiSms.items).toHaveLength(3);
    expect((await list(`?to=${encodeURIComponent(THAI_PHONE)}&channel=email`)).items).toEqual([]);
  });

  it("pages with limit and cursor without skipping or repeating", async () => {
    const pages = await allPages("?limit=2");
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual([...sentIds].reverse());
    expect(pages.at(-1)?.nextCursor).toBeNull();
    for (const page of pages.slice(0, -1)) expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);

    const exact = await allPages("?limit=7");
    expect(exact).toHaveLength(1);
    expect(exact[0].items).toHaveLength(7);

    const one = await list("?limit=1");
    expect(one.items.map((i) => i.id)).toEqual([sentIds[6]]);
  });

  it("pages within a filter", async () => {
    const pages = await allPages(`?to=${encodeURIComponent(THAI_PHONE)}&channel=sms&limit=2`);
    expect(pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expectedIds((m) => m.to === THAI_PHONE));
  });

  it("does not exist unless DEV_OUTBOX is on, and never in production", async () => {
    const app = createApp();
    for (const vars of [{ DEV_OUTBOX: "false" }, { DEV_OUTBOX: "true", ENVIRONMENT: "production" }]) {
      const res = await app.fetch(
        new Request("http://tchat.test/api/v1/dev/outbox"),
        { ...env, ...vars },
        createExecutionContext(),
      );
      expect(res.status).toBe(404);
      expect(res.headers.get("Content-Type")).toMatch(/^application\/problem\+json/);
      expect(((await res.json()) as { code: string }).code).toBe("not_found");
    }
  });
});

describe("DevOutbox sends once per idempotency key, as Resend does", () => {
  it("a send repeated under its key (a retry after a crash) records one message and answers its id", async () => {
    const outbox = new DevOutbox(database(env));
    const message: OutboundMessage = {
      channel: "email",
      to: "once@example.com",
      locale: "th",
      subject: "คำสั่งซื้อชำระแล้ว",
      body: "ขอบคุณ",
      idempotencyKey: "msg_01JONCEONCEONCEONCEONCEONC",
    };
    const receipts = await Promise.all([outbox.send(message), outbox.send(message), outbox.send(message)]);
    expect(new Set(receipts.map((r) => r.providerMessageId)).size).toBe(1);
    const again = await outbox.send(message);
    expect(again.providerMessageId).toBe(receipts[0].providerMessageId);
    const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM dev_outbox WHERE recipient = ?")
      .bind("once@example.com")
      .first<{ n: number }>();
    expect(stored?.n).toBe(1);
    // Without a key every send is its own message.
    const { idempotencyKey: _key, ...unkeyed } = message;
    await outbox.send(unkeyed);
    await outbox.send(unkeyed);
    const all = await env.DB.prepare("SELECT COUNT(*) AS n FROM dev_outbox WHERE recipient = ?")
      .bind("once@example.com")
      .first<{ n: number }>();
    expect(all?.n).toBe(3);
  });
});
