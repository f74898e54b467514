import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  ADDRESSES,
  type Address,
  createAddress,
  del,
  expectJson,
  expectProblem,
  expectTokenAccepted,
  listAddresses,
  otpSignIn,
  patch,
  phoneHash,
  registerUser,
  rowsAsText,
  thaiAddress,
  thaiMobile,
  type User,
} from "./helpers";

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
    const bad: [Record<string, unknown>, string, string][] = [
      [thaiAddress({ postalCode: "1011" }), "5 digits", "Thailand"],
      [thaiAddress({ postalCode: "ABCDE" }), "5 digits", "Thailand"],
      [thaiAddress({ country: "SG", phone: "8123 4567", postalCode: "12345" }), "6 digits", "Singapore"],
      [thaiAddress({ country: "PH", phone: "0917 123 4567", postalCode: "10000" }), "4 digits", "the Philippines"],
      [thaiAddress({ country: "VN", phone: "0912 345 678", postalCode: "7000" }), "5 digits", "Vietnam"],
    ];
    for (const [body, format, country] of bad) {
      const problem = await expectProblem(await createAddress(accessToken, body), 422, "validation_failed");
      expect(problem.detail).toContain(format);
      expect(problem.detail).toContain(country);
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
