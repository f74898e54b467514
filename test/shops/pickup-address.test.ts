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
  type Shop,
} from "../catalog/helpers";

// A shop's structured pickup address (contact.pickupAddress): what couriers that price and book by
// place names need. Written with the contact (replaced whole), shown to the owner and admins only.

type PickupShop = Shop & {
  contact?: Shop["contact"] & {
    pickupAddress?: { street: string; street2?: string; city: string; province: string; postalCode: string };
  };
};

const PICKUP = {
  street: "99/9 Sukhumvit Soi 11",
  street2: "Building B, 3rd floor",
  city: "Khlong Toei Nuea, Watthana",
  province: "Bangkok",
  postalCode: "10 110",
};
const STORED = { ...PICKUP, postalCode: "10110" };

const shopOf = (id: string, token?: string) => get(`/api/v1/shops/${id}`, token);

describe("contact.pickupAddress", () => {
  it("is opened with the shop and shown to the owner and admins, never on the public view nor in the row as text", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "TH", {
      contact: { phone: "02 123 4567", pickupAddress: PICKUP },
    });
    expect((shop as PickupShop).contact).toEqual({ phone: "+6621234567", pickupAddress: STORED });

    const mine = await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200);
    expect(mine.contact?.pickupAddress).toEqual(STORED);
    const admin = await newAdmin();
    expect((await expectJson<PickupShop>(await shopOf(shop.id, admin.token), 200)).contact?.pickupAddress).toEqual(
      STORED,
    );
    const publicView = await expectJson<PickupShop>(await shopOf(shop.id), 200);
    expect(publicView.contact).toBeUndefined();
    expect(JSON.stringify(publicView)).not.toContain("Sukhumvit");
    const stranger = await newAccount();
    expect((await expectJson<PickupShop>(await shopOf(shop.id, stranger.token), 200)).contact).toBeUndefined();

    const row = await env.DB.prepare("SELECT * FROM shops WHERE id = ?").bind(shop.id).first();
    expect(JSON.stringify(row)).not.toMatch(/Sukhumvit|Watthana|10110/);
  });

  it("PATCH sets it (street2 optional), replaces it, and removes it with the contact's replace-whole semantics", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "VN", { contact: { phone: "028 3823 4567" } });
    const hcm = {
      street: "268 Lý Thường Kiệt",
      city: "Phường 14, Quận 10",
      province: "Hồ Chí Minh",
      postalCode: "72500",
    };
    const set = await expectJson<PickupShop>(
      await patch(`/api/v1/shops/${shop.id}`, { contact: { phone: "028 3823 4567", pickupAddress: hcm } }, owner.token),
      200,
    );
    expect(set.contact).toEqual({ phone: "+842838234567", pickupAddress: hcm });
    expect((await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200)).contact?.pickupAddress).toEqual(hcm);

    // The contact is replaced whole: pickupAddress null (or left out) means the shop has none.
    const removed = await expectJson<PickupShop>(
      await patch(
        `/api/v1/shops/${shop.id}`,
        { contact: { phone: "028 3823 4567", pickupAddress: null } },
        owner.token,
      ),
      200,
    );
    expect(removed.contact).toEqual({ phone: "+842838234567" });
    expect((await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200)).contact?.pickupAddress).toBe(
      undefined,
    );
  });

  it("a bad postal code is a 422 naming the field and the country's format, and changes nothing", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "TH", { contact: { phone: "02 123 4567", pickupAddress: PICKUP } });
    const before = await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200);
    const problem = await expectProblem(
      await patch(
        `/api/v1/shops/${shop.id}`,
        { name: "Renamed", contact: { pickupAddress: { ...PICKUP, postalCode: "1011" } } },
        owner.token,
      ),
      422,
      "validation_failed",
    );
    expect(problem.detail).toMatch(/postal code/);
    expect(problem.detail).toMatch(/5 digits/);
    expect(problem.errors).toEqual([
      { path: "contact.pickupAddress.postalCode", message: expect.stringMatching(/5 digits/) },
    ]);
    expect(await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200)).toEqual(before);

    await expectProblem(
      await patch(
        `/api/v1/shops/${shop.id}`,
        { contact: { pickupAddress: { ...PICKUP, postalCode: "ABCDE" } } },
        owner.token,
      ),
      422,
      "validation_failed",
    );
    // Opening a shop with one is refused the same way, and opens nothing.
    const other = await newAccount();
    const refused = await expectProblem(
      await post(
        "/api/v1/shops",
        {
          name: "Nope",
          category: "x1",
          country: "ID",
          currency: "IDR",
          contact: { pickupAddress: { ...PICKUP, postalCode: "123" } },
        },
        other.token,
      ),
      422,
      "validation_failed",
    );
    expect(refused.errors?.[0]?.path).toBe("contact.pickupAddress.postalCode");
    const mine = await expectJson<{ items: Shop[] }>(await get("/api/v1/me/shops", other.token), 200);
    expect(mine.items).toHaveLength(0);
  });

  it("refuses unknown fields, missing fields and an empty contact with 422", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "ID", { contact: { phone: "021 5550 1234" } });
    const bad = [
      { contact: { pickupAddress: { ...PICKUP, postalCode: "10110", country: "TH" } } },
      { contact: { pickupAddress: { ...PICKUP, postalCode: "10110", district: "x" } } },
      { contact: { pickupAddress: { street: "Jl. Braga No. 10", postalCode: "40111" } } },
      { contact: { pickupAddress: { ...PICKUP, postalCode: "10110", street2: "" } } },
      { contact: { pickupAddress: null } },
      { contact: { pickupAddress: "Jl. Braga No. 10, Bandung 40111" } },
    ];
    for (const body of bad) {
      await expectProblem(await patch(`/api/v1/shops/${shop.id}`, body, owner.token), 422, "validation_failed");
    }
    const after = await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200);
    expect(after.contact).toEqual({ phone: "+622155501234" });
  });

  it("only the owner changes it: a stranger 403, an admin 403 (owner only), an unknown shop 404, no session 401", async () => {
    const owner = await newAccount();
    const shop = await createShop(owner.token, "TH", { contact: { phone: "02 123 4567", pickupAddress: PICKUP } });
    const body = { contact: { pickupAddress: { ...PICKUP, street: "1 Silom Rd", postalCode: "10500" } } };
    const stranger = await newAccount();
    await expectProblem(await patch(`/api/v1/shops/${shop.id}`, body, stranger.token), 403, "forbidden");
    const admin = await newAdmin();
    await expectProblem(await patch(`/api/v1/shops/${shop.id}`, body, admin.token), 403, "forbidden");
    await expectProblem(await patch("/api/v1/shops/shp_nope", body, owner.token), 404, "not_found");
    await expectProblem(await patch(`/api/v1/shops/${shop.id}`, body), 401, "unauthorized");
    expect((await expectJson<PickupShop>(await shopOf(shop.id, owner.token), 200)).contact?.pickupAddress).toEqual(
      STORED,
    );
  });
});
