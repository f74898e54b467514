import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  del,
  expectJson,
  expectProblem,
  expectTokenAccepted,
  expectTokenRefused,
  get,
  me,
  newDevice,
  otpSignIn,
  outboxFor,
  patch,
  phoneHash,
  post,
  registerUser,
  requestCode,
  rowsAsText,
  type Tokens,
  thaiMobile,
  type User,
} from "./helpers";

interface Address {
  id: string;
  label?: string;
  recipientName: string;
  phone: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  country: string;
  isPrimary: boolean;
}

const ADDRESSES = "/api/v1/users/me/addresses";

const thaiAddress = (overrides: Record<string, unknown> = {}) => ({
  label: "Home",
  recipientName: "Somchai Jaidee",
  phone: "081 234 5678",
  street: "99/9 Sukhumvit Soi 11",
  city: "Khlong Toei Nuea, Watthana",
  province: "Bangkok",
  postalCode: "10110",
  country: "TH",
  ...overrides,
});

const createAddress = (token: string, body: Record<string, unknown>) => post(ADDRESSES, body, { token });
const listAddresses = async (token: string) =>
  (await expectJson<{ items: Address[]; nextCursor: string | null }>(await get(ADDRESSES, token), 200)).items;

describe("GET/PATCH /users/me", () => {
  it("returns the User and changes displayName, locale and timezone", async () => {
    const { accessToken, user } = await registerUser({ country: "TH" });
    expect(await expectTokenAccepted(accessToken)).toEqual(user);

    const res = await patch(
      "/api/v1/users/me",
      { displayName: "  Somchai J.  ", locale: "en", timezone: "Asia/Singapore" },
      accessToken,
    );
    const updated = await expectJson<User>(res, 200);
    expect(updated).toMatchObject({ id: user.id, displayName: "Somchai J.", locale: "en", timezone: "Asia/Singapore" });
    expect(updated.country).toBe("TH");
    expect(await expectTokenAccepted(accessToken)).toEqual(updated);
  });

  it("an invalid time zone, an unknown field or a forbidden field is 422 and changes nothing", async () => {
    const { accessToken, user } = await registerUser();
    const tz = await expectProblem(
      await patch("/api/v1/users/me", { timezone: "Mars/Olympus_Mons" }, accessToken),
      422,
      "validation_failed",
    );
    expect(tz.errors?.[0]?.path).toBe("timezone");
    for (const body of [
      { nickname: "x" },
      { roles: ["admin"] },
      { status: "active", displayName: "Admin" },
      { email: "a@b.co" },
    ]) {
      await expectProblem(await patch("/api/v1/users/me", body, accessToken), 422, "validation_failed");
    }
    await expectProblem(await patch("/api/v1/users/me", { locale: "de" }, accessToken), 422, "validation_failed");
    await expectProblem(await patch("/api/v1/users/me", { displayName: "" }, accessToken), 422, "validation_failed");
    expect(await expectTokenAccepted(accessToken)).toEqual(user);
  });
});

describe("/users/me/addresses", () => {
  it("creates, lists, updates and deletes; phone in E.164; the first address is primary", async () => {
    const { accessToken } = await registerUser();
    const home = await expectJson<Address>(await createAddress(accessToken, thaiAddress()), 201);
    expect(home).toMatchObject({ ...thaiAddress(), phone: "+66812345678", isPrimary: true });
    expect(home.id).toBeTruthy();

    const work = await expectJson<Address>(
      await createAddress(accessToken, thaiAddress({ label: "Work", phone: "02 123 4567", postalCode: "10330" })),
      201,
    );
    expect(work.isPrimary).toBe(false);
    expect(work.phone).toBe("+6621234567"); // a landline is fine for delivery

    expect((await listAddresses(accessToken)).map((a) => [a.id, a.isPrimary])).toEqual([
      [home.id, true],
      [work.id, false],
    ]);

    const moved = await expectJson<Address>(
      await patch(`${ADDRESSES}/${work.id}`, { street: "1 Rama IV Road", postalCode: "10500" }, accessToken),
      200,
    );
    expect(moved).toMatchObject({ id: work.id, street: "1 Rama IV Road", postalCode: "10500", label: "Work" });

    expect((await del(`${ADDRESSES}/${work.id}`, accessToken)).status).toBe(204);
    expect((await listAddresses(accessToken)).map((a) => a.id)).toEqual([home.id]);
    await expectProblem(await del(`${ADDRESSES}/${work.id}`, accessToken), 404, "not_found");
  });

  it("setting another address primary unsets the first", async () => {
    const { accessToken } = await registerUser();
    const first = await expectJson<Address>(await createAddress(accessToken, thaiAddress()), 201);
    const second = await expectJson<Address>(await createAddress(accessToken, thaiAddress({ label: "Condo" })), 201);
    const updated = await expectJson<Address>(
      await patch(`${ADDRESSES}/${second.id}`, { isPrimary: true }, accessToken),
      200,
    );
    expect(updated.isPrimary).toBe(true);
    const primaries = (await listAddresses(accessToken)).filter((a) => a.isPrimary).map((a) => a.id);
    expect(primaries).toEqual([second.id]);
    // Creating a new one as primary moves it again.
    const third = await expectJson<Address>(
      await createAddress(accessToken, thaiAddress({ label: "Parents", isPrimary: true })),
      201,
    );
    expect((await listAddresses(accessToken)).filter((a) => a.isPrimary).map((a) => a.id)).toEqual([third.id]);
    expect(first.isPrimary).toBe(true); // it was primary when created, as the first address
  });

  it("always keeps one primary address: deleting or un-marking it promotes another", async () => {
    const { accessToken } = await registerUser();
    const first = await expectJson<Address>(await createAddress(accessToken, thaiAddress()), 201);
    const second = await expectJson<Address>(await createAddress(accessToken, thaiAddress({ label: "Office" })), 201);
    const third = await expectJson<Address>(await createAddress(accessToken, thaiAddress({ label: "Parents" })), 201);
    expect(first.isPrimary).toBe(true);

    const unmarked = await expectJson<Address>(
      await patch(`${ADDRESSES}/${first.id}`, { isPrimary: false }, accessToken),
      200,
    );
    expect(unmarked.isPrimary).toBe(false);
    expect((await listAddresses(accessToken)).filter((a) => a.isPrimary).map((a) => a.id)).toEqual([third.id]);

    expect((await del(`${ADDRESSES}/${third.id}`, accessToken)).status).toBe(204);
    const left = await listAddresses(accessToken);
    expect(left.filter((a) => a.isPrimary).map((a) => a.id)).toEqual([second.id]);

    expect((await del(`${ADDRESSES}/${second.id}`, accessToken)).status).toBe(204);
    const only = await listAddresses(accessToken);
    expect(only.map((a) => [a.id, a.isPrimary])).toEqual([[first.id, true]]);
    // The only address cannot stop being primary.
    const still = await expectJson<Address>(
      await patch(`${ADDRESSES}/${first.id}`, { isPrimary: false }, accessToken),
      200,
    );
    expect(still.isPrimary).toBe(true);
  });

  it("checks postal codes per country (422 with the format in detail)", async () => {
    const { accessToken } = await registerUser();
    const ok: Record<string, unknown>[] = [
      thaiAddress({ postalCode: "10110" }),
      thaiAddress({ country: "SG", phone: "8123 4567", postalCode: "018956", province: "Singapore" }),
      thaiAddress({ country: "PH", phone: "0917 123 4567", postalCode: "1000", province: "Metro Manila" }),
      thaiAddress({ country: "VN", phone: "0912 345 678", postalCode: "70000", province: "Ho Chi Minh" }),
      thaiAddress({ country: "ID", phone: "0812-345-678", postalCode: "10110", province: "DKI Jakarta" }),
      thaiAddress({ country: "MY", phone: "012-345 6789", postalCode: "50450", province: "Kuala Lumpur" }),
    ];
    for (const body of ok) {
      const created = await expectJson<Address>(await createAddress(accessToken, body), 201);
      expect(created.postalCode).toBe(body.postalCode);
      expect(created.phone).toMatch(/^\+\d{8,15}$/);
    }
    const bad: [Record<string, unknown>, string][] = [
      [thaiAddress({ postalCode: "1011" }), "5 digits"],
      [thaiAddress({ postalCode: "ABCDE" }), "5 digits"],
      [thaiAddress({ country: "SG", phone: "8123 4567", postalCode: "12345" }), "6 digits"],
      [thaiAddress({ country: "PH", phone: "0917 123 4567", postalCode: "10000" }), "4 digits"],
      [thaiAddress({ country: "VN", phone: "0912 345 678", postalCode: "7000" }), "5 digits"],
    ];
    for (const [body, format] of bad) {
      const problem = await expectProblem(await createAddress(accessToken, body), 422, "validation_failed");
      expect(problem.detail).toContain(format);
      expect(problem.detail).toContain(String(body.country));
      expect(problem.errors?.[0]?.path).toBe("postalCode");
    }
    // A phone of another country, and a country we do not serve.
    await expectProblem(
      await createAddress(accessToken, thaiAddress({ phone: "+65 8123 4567" })),
      422,
      "invalid_phone",
    );
    await expectProblem(
      await createAddress(accessToken, thaiAddress({ country: "US", postalCode: "94105" })),
      422,
      "unsupported_country",
    );
    // A bad postal code in a PATCH too.
    const [first] = await listAddresses(accessToken);
    await expectProblem(
      await patch(`${ADDRESSES}/${first.id}`, { postalCode: "1011" }, accessToken),
      422,
      "validation_failed",
    );
    await expectProblem(
      await createAddress(accessToken, { ...thaiAddress(), userId: "usr_x" }),
      422,
      "validation_failed",
    );
    expect(await listAddresses(accessToken)).toHaveLength(ok.length);
  });

  it("another user's address is 404 for PATCH and DELETE, and stays as it was", async () => {
    const owner = await registerUser();
    const intruder = await registerUser();
    const address = await expectJson<Address>(await createAddress(owner.accessToken, thaiAddress()), 201);

    await expectProblem(
      await patch(`${ADDRESSES}/${address.id}`, { street: "Hijacked" }, intruder.accessToken),
      404,
      "not_found",
    );
    await expectProblem(await del(`${ADDRESSES}/${address.id}`, intruder.accessToken), 404, "not_found");
    expect(await listAddresses(intruder.accessToken)).toEqual([]);
    expect(await listAddresses(owner.accessToken)).toEqual([address]);
  });

  it("addresses and phones are encrypted at rest", async () => {
    const phone = thaiMobile();
    const tokens = await otpSignIn(phone);
    await expectJson<Address>(
      await createAddress(tokens.accessToken, thaiAddress({ phone, street: "42 Silom Road", recipientName: "Malee" })),
      201,
    );
    const digits = phone.slice(3); // national significant number
    const addressRows = await rowsAsText("addresses", "user_id = ?", tokens.user.id);
    expect(addressRows).toHaveLength(1);
    for (const plain of ["Silom", "Malee", digits, "10110", "Bangkok"]) expect(addressRows[0]).not.toContain(plain);

    const user = await env.DB.prepare("SELECT phone_enc, phone_hash FROM users WHERE id = ?")
      .bind(tokens.user.id)
      .first<{ phone_enc: string; phone_hash: string }>();
    expect(user?.phone_enc).toMatch(/^v1\./);
    expect(user?.phone_enc).not.toContain(digits);
    expect(user?.phone_hash).not.toContain(digits);
    expect(user?.phone_hash).not.toBe(phone);
    expect(user?.phone_hash).toBe(await phoneHash(phone));
    // No column of the user row holds the phone in clear.
    const userRows = await rowsAsText("users", "id = ?", tokens.user.id);
    expect(userRows[0]).not.toContain(digits);
  });
});

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
