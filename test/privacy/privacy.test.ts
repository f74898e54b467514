import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  type Address,
  createAddress,
  del,
  expectJson,
  expectProblem,
  expectTokenRefused,
  get,
  listAddresses,
  me,
  newDevice,
  otpSignIn,
  outboxFor,
  patch,
  phoneHash,
  post,
  registerUser,
  requestCode,
  type Tokens,
  thaiAddress,
  thaiMobile,
} from "../identity/helpers";

describe("GET /users/me/export and DELETE /users/me", () => {
  it("the export holds the user, addresses, sessions, security events and messages sent to them", async () => {
    const phone = thaiMobile();
    const tokens = await otpSignIn(phone, { device: newDevice("android", "Pixel") });
    const address = await expectJson<Address>(await createAddress(tokens.accessToken, thaiAddress()), 201);
    const res = await get("/api/v1/users/me/export", tokens.accessToken);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const data = await expectJson<{
      user: Record<string, unknown>;
      addresses: Address[];
      sessions: { id: string; device: { name: string } }[];
      securityEvents: { type: string }[];
      messages: { channel: string; to: string; body: string }[];
    }>(res, 200);
    expect(data.user).toMatchObject({ id: tokens.user.id, phone, country: "TH" });
    expect(data.addresses).toEqual([address]);
    expect(data.sessions).toHaveLength(1);
    expect(data.sessions[0].device.name).toBe("Pixel");
    expect(data.securityEvents.map((e) => e.type)).toEqual(expect.arrayContaining(["user_registered", "sign_in"]));
    const smsBodies = data.messages.filter((m) => m.channel === "sms").map((m) => m.body);
    expect(smsBodies.some((b) => b.includes("ยินดีต้อนรับ"))).toBe(true); // the welcome SMS
    expect(data.messages.every((m) => m.to === phone)).toBe(true);
    // An export is itself a security event.
    const exported = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_events WHERE user_id = ? AND type = 'data_exported'",
    )
      .bind(tokens.user.id)
      .first<{ n: number }>();
    expect(exported?.n).toBe(1);
  });

  it("another user's export holds none of this user's data", async () => {
    const a = await registerUser();
    await createAddress(a.accessToken, thaiAddress({ street: "Secret Street 1" }));
    const b = await registerUser();
    const text = await (await get("/api/v1/users/me/export", b.accessToken)).text();
    expect(text).not.toContain(a.email);
    expect(text).not.toContain("Secret Street");
    expect(text).not.toContain(a.user.id);
  });

  it("deletion: 202, tokens refused, PII erased, addresses gone, goodbye sent, the phone can sign up again", async () => {
    const phone = thaiMobile();
    const tokens = await otpSignIn(phone);
    const second = await otpSignIn(phone, { device: newDevice() });
    await createAddress(tokens.accessToken, thaiAddress());
    await patch("/api/v1/users/me", { avatarUrl: "https://cdn.example/avatar.png" }, tokens.accessToken);

    const res = await del("/api/v1/users/me", tokens.accessToken);
    const body = await expectJson<{ status: string; deletedAt: string }>(res, 202);
    expect(body.status).toBe("deleted");

    await expectTokenRefused(tokens.accessToken);
    await expectTokenRefused(second.accessToken);
    expect((await post("/api/v1/auth/refresh", { refreshToken: second.refreshToken })).status).toBe(401);

    const row = await env.DB.prepare("SELECT * FROM users WHERE id = ?")
      .bind(tokens.user.id)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      phone_enc: null,
      phone_hash: null,
      email_enc: null,
      email_hash: null,
      password_hash: null,
      avatar_url: null,
      display_name: "Deleted user",
      status: "deleted",
    });
    expect(row?.deleted_at).not.toBeNull();
    const addresses = await env.DB.prepare("SELECT COUNT(*) AS n FROM addresses WHERE user_id = ?")
      .bind(tokens.user.id)
      .first<{ n: number }>();
    expect(addresses?.n).toBe(0);
    const live = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL")
      .bind(tokens.user.id)
      .first<{ n: number }>();
    expect(live?.n).toBe(0);

    // The goodbye message went out (in Thai, to the phone it had).
    const goodbye = (await outboxFor(phone, "sms")).find((m) => m.body.includes("บัญชีของคุณถูกลบแล้ว"));
    expect(goodbye, JSON.stringify(await outboxFor(phone, "sms"))).toBeDefined();
    const deletedMessage = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM outbound_messages WHERE recipient_hash = ? AND status = 'delivered'",
    )
      .bind(await phoneHash(phone))
      .first<{ n: number }>();
    expect(deletedMessage?.n).toBeGreaterThan(0);

    // The same phone signs up again as a new user.
    const code = await requestCode(phone);
    const again = await expectJson<Tokens>(
      await post("/api/v1/auth/otp/verify", { phone, country: "TH", code, device: newDevice() }),
      200,
    );
    expect(again.isNewUser).toBe(true);
    expect(again.user.id).not.toBe(tokens.user.id);
    expect(again.user.phone).toBe(phone);
    expect(await listAddresses(again.accessToken)).toEqual([]);
    await expectProblem(await me(tokens.accessToken), 401, "unauthorized");
  });

  it("a deleted email account cannot sign in any more and its email can register again", async () => {
    const user = await registerUser();
    expect((await del("/api/v1/users/me", user.accessToken)).status).toBe(202);
    const goodbye = (await outboxFor(user.email, "email")).find((m) => m.subject?.includes("ถูกลบแล้ว"));
    expect(goodbye).toBeDefined();
    await expectProblem(
      await post("/api/v1/auth/login", { email: user.email, password: user.password }),
      401,
      "invalid_credentials",
    );
    const again = await registerUser({ email: user.email });
    expect(again.user.id).not.toBe(user.user.id);
  });

  it("erases the account's messages, and a new owner of the same phone or email never sees the old account's data", async () => {
    type Export = { messages: { id: string; body: string; subject?: string }[]; securityEvents: { id: string }[] };
    const phone = thaiMobile();
    const old = await otpSignIn(phone);
    await patch("/api/v1/users/me", { displayName: "Previous Owner" }, old.accessToken);
    const oldExport = await expectJson<Export>(await get("/api/v1/users/me/export", old.accessToken), 200);
    expect(oldExport.messages.length).toBeGreaterThan(0);
    expect((await del("/api/v1/users/me", old.accessToken)).status).toBe(202);

    // What the old account was sent is no longer kept in outbound_messages (the goodbye is the only one).
    const { results: kept } = await env.DB.prepare("SELECT id FROM outbound_messages WHERE recipient_hash = ?")
      .bind(await phoneHash(phone))
      .all<{ id: string }>();
    expect(kept.map((m) => m.id)).not.toEqual(expect.arrayContaining([oldExport.messages[0].id]));
    expect(kept).toHaveLength(1);

    // The number is recycled: someone else signs up with it.
    const next = await otpSignIn(phone);
    expect(next.isNewUser).toBe(true);
    const newExport = await expectJson<Export>(await get("/api/v1/users/me/export", next.accessToken), 200);
    const oldIds = new Set([...oldExport.messages, ...oldExport.securityEvents].map((m) => m.id));
    for (const m of [...newExport.messages, ...newExport.securityEvents]) expect(oldIds.has(m.id)).toBe(false);
    const text = JSON.stringify(newExport);
    expect(text).not.toContain("Previous Owner");
    expect(text).not.toContain("บัญชีของคุณถูกลบแล้ว"); // the old account's goodbye
    expect(newExport.messages.some((m) => m.body.includes("ยินดีต้อนรับ"))).toBe(true); // its own welcome

    // The same for an email that registers again.
    const first = await registerUser({ displayName: "First Person", locale: "en" });
    expect((await del("/api/v1/users/me", first.accessToken)).status).toBe(202);
    const second = await registerUser({ email: first.email, displayName: "Second Person", locale: "en" });
    const secondText = await (await get("/api/v1/users/me/export", second.accessToken)).text();
    expect(secondText).toContain("Second Person");
    expect(secondText).not.toContain("First Person");
  });
});
