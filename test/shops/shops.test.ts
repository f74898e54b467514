import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  createShop,
  expectJson,
  expectProblem,
  get,
  newAccount,
  newAdmin,
  patch,
  post,
  productInput,
  type Shop,
} from "../catalog/helpers";

const CONTACT = { phone: "02 123 4567", email: "Shop@Example.com", address: "99/9 Sukhumvit Soi 11, Bangkok 10110" };

describe("POST /api/v1/shops", () => {
  it("opens a pending shop owned by the caller, who becomes a seller and can list products at once", async () => {
    const owner = await newAccount();
    const res = await post(
      "/api/v1/shops",
      {
        name: "Bangkok Gadget Hub",
        description: "มือถือของแท้",
        category: "electronics",
        country: "th",
        currency: "thb",
        contact: CONTACT,
      },
      owner.token,
    );
    const shop = await expectJson<Shop>(res, 201);
    expect(shop).toMatchObject({
      ownerId: owner.userId,
      name: "Bangkok Gadget Hub",
      description: "มือถือของแท้",
      category: "electronics",
      country: "TH",
      currency: "THB",
      verificationStatus: "pending",
      verifiedAt: null,
      contact: { phone: "+6621234567", email: "shop@example.com", address: CONTACT.address },
    });
    expect(shop.id).toMatch(/^shp_/);
    expect(new Date(shop.createdAt).toISOString()).toBe(shop.createdAt);

    const me = await expectJson<{ roles: string[] }>(await get("/api/v1/users/me", owner.token), 200);
    expect(me.roles).toContain("seller");
    expect(me.roles.filter((r) => r === "seller")).toHaveLength(1);

    // The very same token acts on the shop.
    await expectJson(await post("/api/v1/products", productInput(shop), owner.token), 201);
    // A second shop does not add the role twice.
    await createShop(owner.token);
    const again = await expectJson<{ roles: string[] }>(await get("/api/v1/users/me", owner.token), 200);
    expect(again.roles.filter((r) => r === "seller")).toHaveLength(1);
  });

  it("keeps the contact encrypted at rest", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "TH", { contact: CONTACT });
    const row = await env.DB.prepare("SELECT * FROM shops WHERE id = ?").bind(shop.id).first();
    const text = JSON.stringify(row);
    expect(text).not.toContain("shop@example.com");
    expect(text).not.toContain("6621234567");
    expect(text).not.toContain("Sukhumvit");
  });

  it.each([
    ["TH", "USD", "THB"],
    ["ID", "SGD", "IDR"],
    ["VN", "THB", "VND"],
    ["SG", "MYR", "SGD"],
    ["MY", "IDR", "MYR"],
    ["PH", "USD", "PHP"],
  ])("refuses a shop in %s selling in %s (422, names %s)", async (country, currency, expected) => {
    const owner = await newAccount();
    const res = await post("/api/v1/shops", { name: "Toko", category: "fashion", country, currency }, owner.token);
    const problem = await expectProblem(res, 422, "validation_failed");
    expect(problem.errors).toEqual([{ path: "currency", message: expect.stringContaining(expected) }]);
    expect(problem.detail).toContain(expected);
  });

  it("accepts each country with its own currency", async () => {
    const owner = await newAccount();
    for (const country of ["TH", "SG", "ID", "MY", "PH", "VN"]) {
      const shop = await createShop(owner.token, country);
      expect(shop.country).toBe(country);
    }
  });

  it("refuses an unsupported country, bad input and a bad contact phone", async () => {
    const owner = await newAccount();
    await expectProblem(
      await post("/api/v1/shops", { name: "Shop", category: "x1", country: "US", currency: "USD" }, owner.token),
      422,
      "unsupported_country",
    );
    const missing = await expectProblem(
      await post("/api/v1/shops", { name: "Shop" }, owner.token),
      422,
      "validation_failed",
    );
    expect(missing.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(["category", "country", "currency"]));
    await expectProblem(
      await post(
        "/api/v1/shops",
        { name: "Shop", category: "x1", country: "TH", currency: "THB", ownerId: "usr_someone_else" },
        owner.token,
      ),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post(
        "/api/v1/shops",
        { name: "Shop", category: "x1", country: "TH", currency: "THB", contact: { phone: "12" } },
        owner.token,
      ),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post(
        "/api/v1/shops",
        { name: "Shop", category: "x1", country: "TH", currency: "THB", contact: { phone: "+6591234567" } },
        owner.token,
      ),
      422,
      "invalid_phone",
    );
  });
});

describe("GET and PATCH /api/v1/shops/:id", () => {
  it("shows a shop to anyone, its contact only to the owner and admins", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "TH", { contact: CONTACT });
    const publicView = await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`), 200);
    expect(publicView).toMatchObject({ id: shop.id, name: shop.name, verificationStatus: "pending" });
    expect(publicView.contact).toBeUndefined();
    const stranger = await newAccount();
    expect(
      (await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`, stranger.token), 200)).contact,
    ).toBeUndefined();
    expect((await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`, owner.token), 200)).contact?.phone).toBe(
      "+6621234567",
    );
    const admin = await newAdmin();
    expect((await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`, admin.token), 200)).contact?.email).toBe(
      "shop@example.com",
    );
    await expectProblem(await get("/api/v1/shops/shp_nope"), 404, "not_found");
  });

  it("lets the owner change name, description, category and contact; nobody else", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "ID");
    const updated = await expectJson<Shop>(
      await patch(
        `/api/v1/shops/${shop.id}`,
        { name: "Toko Jaya", description: "Elektronik", category: "phones", contact: { phone: "021 5550 1234" } },
        owner.token,
      ),
      200,
    );
    expect(updated).toMatchObject({
      name: "Toko Jaya",
      description: "Elektronik",
      category: "phones",
      currency: "IDR",
    });
    expect(updated.contact).toEqual({ phone: "+622155501234" });
    const cleared = await expectJson<Shop>(
      await patch(`/api/v1/shops/${shop.id}`, { description: null, contact: null }, owner.token),
      200,
    );
    expect(cleared.description).toBeNull();
    expect(cleared.contact).toBeUndefined();

    const stranger = await newAccount();
    await expectProblem(
      await patch(`/api/v1/shops/${shop.id}`, { name: "Mine now" }, stranger.token),
      403,
      "forbidden",
    );
    await expectProblem(await patch("/api/v1/shops/shp_nope", { name: "x1" }, owner.token), 404, "not_found");
    // Country and currency are fixed; ownership cannot be handed over by PATCH.
    await expectProblem(
      await patch(`/api/v1/shops/${shop.id}`, { currency: "USD" }, owner.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await patch(`/api/v1/shops/${shop.id}`, { ownerId: stranger.userId }, owner.token),
      422,
      "validation_failed",
    );
    await expectProblem(await patch(`/api/v1/shops/${shop.id}`, {}, owner.token), 422, "validation_failed");
    expect((await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`), 200)).name).toBe("Toko Jaya");
  });
});

describe("POST /api/v1/admin/shops/:id/verification", () => {
  it("lets an admin verify or reject a shop, with a note the owner sees", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token);
    const admin = await newAdmin();
    const verified = await expectJson<Shop>(
      await post(
        `/api/v1/admin/shops/${shop.id}/verification`,
        { status: "verified", note: "Documents OK" },
        admin.token,
      ),
      200,
    );
    expect(verified.verificationStatus).toBe("verified");
    expect(verified.verifiedAt).not.toBeNull();
    const ownerView = await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`, owner.token), 200);
    expect(ownerView.verificationNote).toBe("Documents OK");
    const publicView = await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`), 200);
    expect(publicView.verificationStatus).toBe("verified");
    expect(publicView.verificationNote).toBeUndefined();

    const rejected = await expectJson<Shop>(
      await post(
        `/api/v1/admin/shops/${shop.id}/verification`,
        { status: "rejected", note: "Fake licence" },
        admin.token,
      ),
      200,
    );
    expect(rejected).toMatchObject({ verificationStatus: "rejected", verifiedAt: null });
    // A rejected shop lists nothing new.
    await expectProblem(await post("/api/v1/products", productInput(shop), owner.token), 403, "forbidden");
  });

  it("is for admins only, and checks its input", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token);
    const path = `/api/v1/admin/shops/${shop.id}/verification`;
    await expectProblem(await post(path, { status: "verified" }, owner.token), 403, "forbidden");
    const admin = await newAdmin();
    await expectProblem(await post(path, { status: "pending" }, admin.token), 422, "validation_failed");
    await expectProblem(await post(path, { status: "approved" }, admin.token), 422, "validation_failed");
    await expectProblem(
      await post("/api/v1/admin/shops/shp_nope/verification", { status: "verified" }, admin.token),
      404,
      "not_found",
    );
    expect((await expectJson<Shop>(await get(`/api/v1/shops/${shop.id}`), 200)).verificationStatus).toBe("pending");
  });
});
