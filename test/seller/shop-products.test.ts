import { describe, expect, it } from "vitest";
import {
  createProduct,
  createShop,
  expectJson,
  expectProblem,
  get,
  newAccount,
  type Page,
  type Product,
  patch,
  type Shop,
  seller,
} from "./helpers";

describe("GET /api/v1/me/shops", () => {
  it("lists exactly the shops the caller owns, with their private fields", async () => {
    const owner = await newAccount();
    const first = await createShop(owner.token, "TH", { contact: { email: "me@example.com" } });
    const second = await createShop(owner.token, "TH");
    await seller("TH"); // someone else's shop
    const mine = await expectJson<{ items: Shop[] }>(await get("/api/v1/me/shops", owner.token), 200);
    expect(mine.items.map((s) => s.id).sort()).toEqual([first.id, second.id].sort());
    expect(mine.items.find((s) => s.id === first.id)?.contact).toEqual({ email: "me@example.com" });
    expect(mine.items.every((s) => s.ownerId === owner.userId && s.verificationStatus === "pending")).toBe(true);
  });

  it("is empty for an account without a shop and 401 without a token", async () => {
    const nobody = await newAccount();
    expect(await expectJson<{ items: Shop[] }>(await get("/api/v1/me/shops", nobody.token), 200)).toEqual({
      items: [],
    });
    await expectProblem(await get("/api/v1/me/shops"), 401, "unauthorized");
  });
});

describe("GET /api/v1/shops/:id/products", () => {
  async function shopWithEveryStatus() {
    const owner = await seller("TH");
    const draft = await createProduct(owner.token, owner.shop, { status: "draft" });
    const active = await createProduct(owner.token, owner.shop, { status: "active" });
    const archived = await createProduct(owner.token, owner.shop, { status: "active" });
    await expectJson(await patch(`/api/v1/products/${archived.id}`, { status: "archived" }, owner.token), 200);
    return { owner, draft, active, archived };
  }

  it("shows the owner every status, newest first, and narrows by status", async () => {
    const { owner, draft, active, archived } = await shopWithEveryStatus();
    const path = `/api/v1/shops/${owner.shop.id}/products`;
    const all = await expectJson<Page<Product>>(await get(path, owner.token), 200);
    expect(all.items.map((p) => p.id)).toEqual([archived.id, active.id, draft.id]);
    for (const [status, product] of [
      ["draft", draft],
      ["active", active],
      ["archived", archived],
    ] as const) {
      const page = await expectJson<Page<Product>>(await get(`${path}?status=${status}`, owner.token), 200);
      expect(page.items.map((p) => [p.id, p.status])).toEqual([[product.id, status]]);
    }
  });

  it("shows anyone else only active products, whatever status they ask for", async () => {
    const { owner, active } = await shopWithEveryStatus();
    const stranger = await newAccount();
    const path = `/api/v1/shops/${owner.shop.id}/products`;
    for (const auth of [undefined, stranger.token]) {
      const all = await expectJson<Page<Product>>(await get(path, auth), 200);
      expect(all.items.map((p) => p.id)).toEqual([active.id]);
      const drafts = await expectJson<Page<Product>>(await get(`${path}?status=draft`, auth), 200);
      expect(drafts.items).toEqual([]);
    }
  });

  it("pages with a cursor, and answers 404 for an unknown shop and 422 for an unknown status", async () => {
    const { owner } = await shopWithEveryStatus();
    const path = `/api/v1/shops/${owner.shop.id}/products`;
    const first = await expectJson<Page<Product>>(await get(`${path}?limit=2`, owner.token), 200);
    expect(first.items).toHaveLength(2);
    const second = await expectJson<Page<Product>>(
      await get(`${path}?limit=2&cursor=${first.nextCursor}`, owner.token),
      200,
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    await expectProblem(await get("/api/v1/shops/shp_nope/products"), 404, "not_found");
    await expectProblem(await get(`${path}?status=deleted`, owner.token), 422, "validation_failed");
  });
});
