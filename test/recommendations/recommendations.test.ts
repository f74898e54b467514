import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  call,
  createProduct,
  del,
  expectJson,
  expectProblem,
  get,
  insertCheckout,
  newAccount,
  newCategory,
  type Product,
  seller,
} from "../reviews/helpers";

interface Summary {
  id: string;
  shopId: string;
  name: string;
  categoryId: string | null;
  brand: string | null;
  price: { amount: number; currency: string };
  rating: { average: number; count: number };
  available: number;
  soldCount: number;
  image: { id: string; url: string } | null;
}

interface Recommendations {
  items: Summary[];
  source: "trending" | "popular" | "similar" | "bought_together" | "personal";
}

const DAY = 86_400_000;

async function recommend(path: string, token?: string): Promise<Recommendations> {
  return expectJson<Recommendations>(await get(path, token), 200);
}

const ids = (r: Recommendations) => r.items.map((i) => i.id);

function view(productId: string, headers: Record<string, string> = {}, token?: string) {
  return call("POST", `/api/v1/products/${productId}/views`, { headers, token });
}

const CART_TOKEN = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
};

describe("recording views", () => {
  it("counts per viewer and day: user, guest by X-Cart-Token, else IP, the last two only hashed", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const user = await newAccount("TH");
    const cartToken = CART_TOKEN();

    expect((await view(product.id, {}, user.token)).status).toBe(204);
    expect((await view(product.id, {}, user.token)).status).toBe(204);
    expect((await view(product.id, { "X-Cart-Token": cartToken })).status).toBe(204);
    expect((await view(product.id, { "CF-Connecting-IP": "203.0.113.7" })).status).toBe(204);

    const { results } = await env.DB.prepare(
      "SELECT viewer_id, day, count FROM product_views WHERE product_id = ? ORDER BY viewer_id",
    )
      .bind(product.id)
      .all<{ viewer_id: string; day: number; count: number }>();
    expect(results).toHaveLength(3);
    const today = Math.floor(Date.now() / DAY);
    expect(results.every((r) => r.day === today)).toBe(true);
    expect(results.find((r) => r.viewer_id === user.userId)?.count).toBe(2);
    const guest = results.find((r) => r.viewer_id.startsWith("cart:"));
    expect(guest?.count).toBe(1);
    expect(guest?.viewer_id).not.toContain(cartToken);
    const ip = results.find((r) => r.viewer_id.startsWith("ip:"));
    expect(ip?.viewer_id).not.toContain("203.0.113.7");
  });

  it("answers 404 for unknown, draft and deleted products and 422 for a malformed cart token", async () => {
    const s = await seller("TH");
    await expectProblem(await view("prd_nope"), 404, "not_found");
    const draft = await createProduct(s.token, s.shop, { status: "draft" });
    await expectProblem(await view(draft.id), 404, "not_found");
    const gone = await createProduct(s.token, s.shop);
    expect((await del(`/api/v1/products/${gone.id}`, s.token)).status).toBe(204);
    await expectProblem(await view(gone.id), 404, "not_found");
    const product = await createProduct(s.token, s.shop);
    await expectProblem(await view(product.id, { "X-Cart-Token": "not-a-token" }), 422, "validation_failed");
  });
});

describe("trending", () => {
  it("ranks by recent orders and views, decayed, in a category and its sub-categories", async () => {
    const category = await newCategory();
    const child = await newCategory(category);
    const elsewhere = await newCategory();
    const s = await seller("TH");
    const make = (categoryId: string, name: string) => createProduct(s.token, s.shop, { categoryId, name });
    const [a, b, d, e, g, sub, other] = await Promise.all([
      make(category, "Product A"),
      make(category, "Product B"),
      make(category, "Product D"),
      make(category, "Product E"),
      make(category, "Product G"),
      make(child, "Product in a sub-category"),
      make(elsewhere, "Product elsewhere"),
    ]);
    const now = Date.now();
    // A: three orders today. Sub: two today. E: one, ten days ago. D: one long ago (outside the window).
    for (let i = 0; i < 3; i++) await insertCheckout({ customerId: null, lines: [{ product: a }], status: "paid" });
    for (let i = 0; i < 2; i++)
      await insertCheckout({ customerId: null, lines: [{ product: sub }], status: "shipped" });
    await insertCheckout({ customerId: null, lines: [{ product: e }], status: "completed", at: now - 10 * DAY });
    await insertCheckout({ customerId: null, lines: [{ product: d }], status: "completed", at: now - 20 * DAY });
    // Unpaid and cancelled orders do not count.
    await insertCheckout({ customerId: null, lines: [{ product: d, quantity: 3 }], status: "pending_payment" });
    await insertCheckout({ customerId: null, lines: [{ product: d, quantity: 3 }], status: "expired", paidAt: null });
    // B: viewed today by four people. D: views ten days ago (outside the window).
    for (const ip of ["198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4"]) {
      expect((await view(b.id, { "CF-Connecting-IP": ip })).status).toBe(204);
    }
    await env.DB.prepare(
      "INSERT INTO product_views (product_id, viewer_id, day, count, last_viewed_at) VALUES (?, 'ip:old', ?, 3, ?)",
    )
      .bind(d.id, Math.floor((now - 10 * DAY) / DAY), now - 10 * DAY)
      .run();
    // G sold a lot today but is deleted; `other` is in another category.
    for (let i = 0; i < 5; i++) await insertCheckout({ customerId: null, lines: [{ product: g }], status: "paid" });
    for (let i = 0; i < 5; i++) await insertCheckout({ customerId: null, lines: [{ product: other }], status: "paid" });
    expect((await del(`/api/v1/products/${g.id}`, s.token)).status).toBe(204);

    const res = await get(`/api/v1/recommendations/trending?categoryId=${category}&limit=10`);
    expect(res.headers.get("Cache-Control")).toMatch(/public, max-age=\d+/);
    const trending = await expectJson<Recommendations>(res, 200);
    expect(trending.source).toBe("trending");
    // Ranked by signal first; D (no recent signal) only fills the list after them.
    expect(ids(trending)).toEqual([a.id, sub.id, b.id, e.id, d.id]);
    expect(trending.items[0]).toMatchObject({
      id: a.id,
      name: "Product A",
      categoryId: category,
      price: a.price,
      rating: { average: 0, count: 0 },
      available: 10,
      image: null,
    });

    const top2 = await recommend(`/api/v1/recommendations/trending?categoryId=${category}&limit=2`);
    expect(ids(top2)).toEqual([a.id, sub.id]);
    // Everything, unscoped: the category's leaders are there, the deleted product is not. Other
    // files' products share the database, so the order is read among this test's own.
    const all = await recommend("/api/v1/recommendations/trending?limit=50");
    expect(all.source).toBe("trending");
    const mine = new Set([a.id, b.id, d.id, e.id, g.id, sub.id, other.id]);
    expect(
      ids(all)
        .filter((id) => mine.has(id))
        .slice(0, 2),
    ).toEqual([other.id, a.id]);
    expect(ids(all)).not.toContain(g.id);
  });

  it("falls back to best sellers when there is no recent signal", async () => {
    const category = await newCategory();
    const s = await seller("TH");
    const quiet = await createProduct(s.token, s.shop, { categoryId: category });
    const trending = await recommend(`/api/v1/recommendations/trending?categoryId=${category}`);
    expect(trending).toMatchObject({ source: "popular" });
    expect(ids(trending)).toEqual([quiet.id]);
    const empty = await recommend(`/api/v1/recommendations/trending?categoryId=${await newCategory()}`);
    expect(empty).toEqual({ items: [], source: "popular" });
  });
});

describe("similar", () => {
  it("ranks by shared category, brand and price band (±30%), same currency, never the product itself", async () => {
    const category = await newCategory();
    const otherCategory = await newCategory();
    const s = await seller("TH");
    const make = (categoryId: string, brand: string, amount: number, extra: Record<string, unknown> = {}) =>
      createProduct(s.token, s.shop, { categoryId, brand, price: { amount, currency: "THB" }, ...extra });
    const target = await make(category, "Acme", 100_000);
    const s1 = await make(category, "Acme", 110_000); // category + brand + band
    const s2 = await make(category, "Other", 90_000); // category + band
    const s3 = await make(category, "Other", 300_000); // category
    const s4 = await make(otherCategory, "Acme", 105_000); // brand + band
    const s5 = await make(otherCategory, "Acme", 500_000); // brand, far off in price: not similar
    const s6 = await make(otherCategory, "Other", 100_000); // nothing shared
    const draft = await make(category, "Acme", 100_000, { status: "draft" });
    const sg = await seller("SG");
    const otherCurrency = await createProduct(sg.token, sg.shop, {
      categoryId: category,
      brand: "Acme",
      price: { amount: 1_000, currency: "SGD" },
    });

    const similar = await recommend(`/api/v1/products/${target.id}/similar?limit=4`);
    expect(similar.source).toBe("similar");
    expect(ids(similar)).toEqual([s1.id, s2.id, s4.id, s3.id]);

    // A longer list is topped up from trending, still without the product itself.
    const longer = await recommend(`/api/v1/products/${target.id}/similar?limit=50`);
    expect(longer.source).toBe("similar");
    expect(ids(longer).slice(0, 4)).toEqual([s1.id, s2.id, s4.id, s3.id]);
    expect(ids(longer)).not.toContain(target.id);
    expect(ids(longer)).not.toContain(draft.id);
    expect(new Set(ids(longer)).size).toBe(longer.items.length);
    void [s5, s6, otherCurrency];
  });

  it("falls back to trending when nothing is similar, and 404s for unknown products", async () => {
    const s = await seller("TH");
    const lonely = await createProduct(s.token, s.shop, { categoryId: await newCategory() });
    const similar = await recommend(`/api/v1/products/${lonely.id}/similar`);
    expect(similar.source).toBe("trending");
    expect(similar.items.length).toBeGreaterThan(0);
    expect(ids(similar)).not.toContain(lonely.id);
    await expectProblem(await get("/api/v1/products/prd_nope/similar"), 404, "not_found");
    const draft = await createProduct(s.token, s.shop, { status: "draft" });
    await expectProblem(await get(`/api/v1/products/${draft.id}/similar`), 404, "not_found");
  });
});

describe("bought together", () => {
  it("ranks products by the checkouts they shared with this one, across shops", async () => {
    const s = await seller("TH");
    const s2 = await seller("TH");
    const [x, y, z, q] = await Promise.all(
      ["X", "Y", "Z", "Q"].map((name) => createProduct(s.token, s.shop, { name: `Product ${name}` })),
    );
    const w = await createProduct(s2.token, s2.shop, { name: "Product W (another shop)" });
    await insertCheckout({ customerId: null, lines: [{ product: x }, { product: y }], status: "paid" });
    await insertCheckout({ customerId: null, lines: [{ product: x }, { product: y }, { product: z }] });
    const cross = await insertCheckout({ customerId: null, lines: [{ product: x }, { product: w }] });
    expect(cross.orderIds).toHaveLength(2); // one order per shop, one checkout
    await insertCheckout({ customerId: null, lines: [{ product: y }, { product: z }] }); // without X
    await insertCheckout({
      customerId: null,
      lines: [{ product: x }, { product: q }],
      status: "expired",
      paidAt: null,
    });

    const together = await recommend(`/api/v1/products/${x.id}/bought-together?limit=3`);
    expect(together.source).toBe("bought_together");
    expect(together.items[0].id).toBe(y.id);
    expect(new Set(ids(together).slice(1))).toEqual(new Set([z.id, w.id]));
    expect(ids(together)).not.toContain(q.id);
    expect(ids(together)).not.toContain(x.id);

    const fromZ = await recommend(`/api/v1/products/${z.id}/bought-together?limit=2`);
    expect(fromZ.source).toBe("bought_together");
    expect(ids(fromZ)).toEqual([y.id, x.id]);
  });

  it("falls back to trending without co-purchases, and 404s for unknown products", async () => {
    const s = await seller("TH");
    const alone = await createProduct(s.token, s.shop);
    const together = await recommend(`/api/v1/products/${alone.id}/bought-together`);
    expect(together.source).toBe("trending");
    expect(together.items.length).toBeGreaterThan(0);
    expect(ids(together)).not.toContain(alone.id);
    await expectProblem(await get("/api/v1/products/prd_nope/bought-together"), 404, "not_found");
  });
});

describe("for you", () => {
  it("follows the categories and brands the user bought and viewed, without what they bought", async () => {
    const [k, k2, k3, k4] = await Promise.all([newCategory(), newCategory(), newCategory(), newCategory()]);
    const s = await seller("TH");
    const make = (categoryId: string, name: string, brand?: string) =>
      createProduct(s.token, s.shop, { categoryId, name, ...(brand ? { brand } : {}) });
    const p1 = await make(k, "Bought", "Brandy");
    const p2 = await make(k, "Same category and brand", "Brandy");
    const p3 = await make(k, "Same category", "Other");
    const p5 = await make(k2, "Viewed");
    const p6 = await make(k2, "Same category as viewed");
    const p7 = await make(k3, "Same brand", "Brandy");
    const p8 = await make(k4, "Unrelated");
    const user = await newAccount("TH");
    await insertCheckout({ customerId: user.userId, lines: [{ product: p1 }], status: "delivered" });
    expect((await view(p5.id, {}, user.token)).status).toBe(204);

    const forYou = await recommend("/api/v1/recommendations/for-you?limit=5", user.token);
    expect(forYou.source).toBe("personal");
    expect(ids(forYou).slice(0, 3)).toEqual([p2.id, p3.id, p7.id]);
    expect(new Set(ids(forYou).slice(3))).toEqual(new Set([p5.id, p6.id]));
    expect(ids(forYou)).not.toContain(p1.id);
    expect(ids(forYou)).not.toContain(p8.id);

    // Topped up from trending, still never what they bought.
    const longer = await recommend("/api/v1/recommendations/for-you?limit=50", user.token);
    expect(longer.source).toBe("personal");
    expect(ids(longer)).not.toContain(p1.id);
  });

  it("gives a new user trending products", async () => {
    const user = await newAccount("TH");
    const res = await get("/api/v1/recommendations/for-you", user.token);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const forYou = await expectJson<Recommendations>(res, 200);
    expect(forYou.source).toBe("trending");
    expect(forYou.items.length).toBeGreaterThan(0);
    const trending = await recommend(`/api/v1/recommendations/trending?limit=${forYou.items.length}`);
    expect(ids(forYou)).toEqual(ids(trending));
  });
});

describe("bad input", () => {
  it("answers 422 problem+json", async () => {
    const s = await seller("TH");
    const product: Product = await createProduct(s.token, s.shop);
    for (const path of [
      "/api/v1/recommendations/trending?limit=0",
      "/api/v1/recommendations/trending?limit=51",
      "/api/v1/recommendations/trending?limit=abc",
      `/api/v1/recommendations/trending?categoryId=${"c".repeat(65)}`,
      `/api/v1/products/${product.id}/similar?limit=-1`,
      `/api/v1/products/${product.id}/bought-together?limit=1.5`,
      `/api/v1/products/${"p".repeat(65)}/similar`,
    ]) {
      const problem = await expectProblem(await get(path), 422, "validation_failed");
      expect(problem.errors?.length, path).toBeGreaterThan(0);
    }
    const user = await newAccount("TH");
    await expectProblem(await get("/api/v1/recommendations/for-you?limit=100", user.token), 422, "validation_failed");
  });
});
