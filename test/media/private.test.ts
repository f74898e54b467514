import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Message } from "../../schemas/chat";
import { bytes, JPEG_HEADER, PNG_HEADER } from "../catalog/helpers";
import {
  type Account,
  accounts,
  del,
  direct,
  expectJson,
  expectProblem,
  group,
  patch,
  sendHttp,
} from "../chat/helpers";
import { call } from "../support/http";

// Chat attachments are private: served only to their uploader and to the current members of the
// dialog they were sent in (the message's url + the reader's access token), never cached by a
// shared cache. Product photos and avatars stay public.

interface Media {
  id: string;
  url: string;
}

const PRIVATE = "private, no-store";
const IMMUTABLE = "public, max-age=31536000, immutable";

/** The path and query of a url (the tests talk to the Worker directly). */
const local = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

const read = (url: string, token?: string, headers?: HeadersInit) => call("GET", local(url), { token, headers });

async function uploadPicture(who: Account, header: readonly number[] = PNG_HEADER): Promise<Media> {
  const body = bytes(header, 512);
  const type = header === PNG_HEADER ? "image/png" : "image/jpeg";
  const res = await call("POST", "/api/v1/media", {
    raw: body,
    token: who.token,
    headers: { "Content-Type": type, "Content-Length": String(body.byteLength) },
  });
  return expectJson<Media>(res, 201);
}

async function sendPicture(dialogId: string, who: Account, media: Media): Promise<Message> {
  return expectJson<Message>(await sendHttp(dialogId, who.token, { kind: "image", mediaId: media.id }), 201);
}

async function expectServed(res: Response, cacheControl: string): Promise<void> {
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe(cacheControl);
  expect((await res.arrayBuffer()).byteLength).toBe(512);
}

describe("GET /api/v1/media/:id for chat attachments", () => {
  it("serves a member with the message's url and token, privately; refuses anyone else with 404", async () => {
    const [a, b, stranger] = await accounts(3);
    const dialog = await direct(a, b);
    const media = await uploadPicture(a);
    const message = await sendPicture(dialog.id, a, media);
    const url = message.media!.url;
    expect(new URL(url).searchParams.get("dialog")).toBe(dialog.id);

    await expectServed(await read(url, b.token), PRIVATE);
    await expectServed(await read(url, a.token), PRIVATE);
    // The history gives the same working url.
    const history = await expectJson<{ items: Message[] }>(
      await call("GET", `/api/v1/dialogs/${dialog.id}/messages`, { token: b.token }),
      200,
    );
    await expectServed(await read(history.items[0].media!.url, b.token), PRIVATE);

    // The link alone, a stranger's token, the bare id: as if it did not exist.
    await expectProblem(await read(url), 404, "not_found");
    await expectProblem(await read(url, stranger.token), 404, "not_found");
    await expectProblem(await read(media.url), 404, "not_found");
    await expectProblem(await read(media.url, b.token), 404, "not_found");
    // Not even a 304 to a stranger who knows the ETag.
    const etag = (await read(url, b.token)).headers.get("ETag")!;
    await expectProblem(await read(url, stranger.token, { "If-None-Match": etag }), 404, "not_found");
  });

  it("the uploader reads their own upload with the url POST /media gave, before sending it", async () => {
    const [a, b] = await accounts(2);
    const media = await uploadPicture(a);
    await expectServed(await read(media.url, a.token), PRIVATE);
    await expectProblem(await read(media.url, b.token), 404, "not_found");
  });

  it("a link naming another dialog, or a changed signature, opens nothing", async () => {
    const [a, b, stranger, friend] = await accounts(4);
    const dialog = await direct(a, b);
    const message = await sendPicture(dialog.id, a, await uploadPicture(a));
    const url = new URL(message.media!.url);
    // The stranger is a member of a dialog of their own, and tries the link with it.
    const own = await direct(stranger, friend);
    const borrowed = new URL(url);
    borrowed.searchParams.set("dialog", own.id);
    await expectProblem(await read(borrowed.href, stranger.token), 404, "not_found");
    const forged = new URL(url);
    forged.searchParams.set("sig", `${url.searchParams.get("sig")!.slice(0, -2)}AA`);
    await expectProblem(await read(forged.href, b.token), 404, "not_found");
  });

  it("a removed member loses access at once; the members who stay keep it", async () => {
    const [owner, kept, removed] = await accounts(3);
    const dialog = await group(owner, [kept, removed]);
    const message = await sendPicture(dialog.id, owner, await uploadPicture(owner, JPEG_HEADER));
    const url = message.media!.url;
    await expectServed(await read(url, removed.token), PRIVATE);
    const res = await del(`/api/v1/dialogs/${dialog.id}/members/${removed.userId}`, owner.token);
    expect(res.status).toBe(204);
    await expectProblem(await read(url, removed.token), 404, "not_found");
    await expectServed(await read(url, kept.token), PRIVATE);
  });

  it("an upload stored before access was recorded is private too (the D1 record decides)", async () => {
    const [a, b] = await accounts(2);
    const media = await uploadPicture(a);
    // As uploads were stored before: no customMetadata, a year of public caching.
    const object = await env.MEDIA.get(`media/${media.id}`);
    await env.MEDIA.put(`media/${media.id}`, await object!.arrayBuffer(), {
      httpMetadata: { contentType: "image/png", cacheControl: IMMUTABLE },
    });
    await expectProblem(await read(media.url), 404, "not_found");
    await expectProblem(await read(media.url, b.token), 404, "not_found");
    await expectServed(await read(media.url, a.token), PRIVATE);
  });

  it("a picture its uploader made their avatar is public, with long caching", async () => {
    const [a] = await accounts(1);
    const media = await uploadPicture(a);
    await expectProblem(await read(media.url), 404, "not_found");
    await expectJson(
      await patch("/api/v1/users/me", { avatarUrl: media.url.replace("http://", "https://") }, a.token),
      200,
    );
    await expectServed(await read(media.url), IMMUTABLE);
  });
});
