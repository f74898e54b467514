import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  type Account,
  buyThroughApi,
  call,
  createProduct,
  expectJson,
  expectProblem,
  get,
  insertCheckout,
  type ModeratedReview,
  newAccount,
  newAdmin,
  type Page,
  type Product,
  post,
  productEvents,
  type Review,
  seller,
} from "./helpers";

const review = (rating: number, extra: Record<string, unknown> = {}) => ({
  rating,
  body: `Rated ${rating}: arrived quickly, as described.`,
  ...extra,
});

/** A buyer with a delivered order of the product (written straight into D1). */
async function deliveredBuyer(product: Product): Promise<Account> {
  const buyer = await newAccount("TH");
  await insertCheckout({ customerId: buyer.userId, lines: [{ product }], status: "delivered" });
  return buyer;
}

async function productRating(id: string) {
  const row = await env.DB.prepare("SELECT rating_average, rating_count FROM products WHERE id = ?")
    .bind(id)
    .first<{ rating_average: number; rating_count: number }>();
  return row!;
}

async function readProduct(id: string): Promise<{ cache: string | null; product: Product }> {
  const res = await get(`/api/v1/products/${id}`);
  const cache = res.headers.get("X-Cache");
  return { cache, product: await expectJson<Product>(res, 200) };
}

describe("who may review", () => {
  it("refuses signed-in non-buyers (403 not_a_buyer)", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const stranger = await newAccount("TH");
    const problem = await expectProblem(
      await post(`/api/v1/products/${product.id}/reviews`, review(5), stranger.token),
      403,
      "not_a_buyer",
    );
    expect(problem.title).toBe("Not a buyer of this product");
    // Buying another product does not count either.
    const other = await createProduct(s.token, s.shop);
    await insertCheckout({ customerId: stranger.userId, lines: [{ product: other }] });
    await expectProblem(
      await post(`/api/v1/products/${product.id}/reviews`, review(5), stranger.token),
      403,
      "not_a_buyer",
    );
  });

  it("refuses a buyer whose order is only paid, accepts them once it is delivered, then only once", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop, { stock: 5 });
    const buyer = await newAccount("TH");
    await buyThroughApi(buyer, s, product.id, "paid");
    await expectProblem(
      await post(`/api/v1/products/${product.id}/reviews`, review(4), buyer.token),
      403,
      "not_a_buyer",
    );

    // The seller delivers a second order of it: now the buyer may review.
    await buyThroughApi(buyer, s, product.id, "delivered");
    const res = await post(
      `/api/v1/products/${product.id}/reviews`,
      review(4, { title: "ดีมาก", body: "  สินค้าดี ส่งไว  " }),
      buyer.token,
    );
    const created = await expectJson<Review>(res, 201);
    expect(created).toMatchObject({
      productId: product.id,
      rating: 4,
      title: "ดีมาก",
      body: "สินค้าดี ส่งไว",
      author: { id: buyer.userId, displayName: "Somchai" },
      verifiedPurchase: true,
      sellerReply: null,
    });
    expect(created.id).toMatch(/^rev_/);

    await expectProblem(await post(`/api/v1/products/${product.id}/reviews`, review(1), buyer.token), 409, "conflict");

    const rating = await productRating(product.id);
    expect(rating).toEqual({ rating_average: 4, rating_count: 1 });
    const events = await productEvents(product.id);
    const reviewEvent = events.find((e) => e.type === "review.created");
    expect(reviewEvent).toMatchObject({
      queue: "catalog_events",
      data: { reviewId: created.id, productId: product.id, shopId: s.shop.id, userId: buyer.userId, rating: 4 },
    });
    // The rating is part of the product: search hears about it like any other change.
    expect(events.filter((e) => e.type === "product.updated").length).toBeGreaterThanOrEqual(1);
  });

  it("accepts a completed order too, and refuses the shop's own owner", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const buyer = await newAccount("TH");
    await insertCheckout({ customerId: buyer.userId, lines: [{ product }], status: "completed" });
    await expectJson<Review>(await post(`/api/v1/products/${product.id}/reviews`, review(5), buyer.token), 201);

    await insertCheckout({ customerId: s.userId, lines: [{ product }], status: "delivered" });
    await expectProblem(await post(`/api/v1/products/${product.id}/reviews`, review(5), s.token), 403, "forbidden");
  });

  it("refuses cancelled, refunded and returned orders", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const buyer = await newAccount("TH");
    for (const status of ["cancelled", "refunded", "returned", "shipped"]) {
      await insertCheckout({ customerId: buyer.userId, lines: [{ product }], status });
    }
    await expectProblem(
      await post(`/api/v1/products/${product.id}/reviews`, review(5), buyer.token),
      403,
      "not_a_buyer",
    );
  });

  it("answers 404 for unknown, draft and deleted products", async () => {
    const s = await seller("TH");
    const buyer = await newAccount("TH");
    await expectProblem(await post("/api/v1/products/prd_nope/reviews", review(5), buyer.token), 404, "not_found");
    await expectProblem(await get("/api/v1/products/prd_nope/reviews"), 404, "not_found");
    const draft = await createProduct(s.token, s.shop, { status: "draft" });
    await insertCheckout({ customerId: buyer.userId, lines: [{ product: draft }] });
    await expectProblem(await post(`/api/v1/products/${draft.id}/reviews`, review(5), buyer.token), 404, "not_found");
    await expectProblem(await get(`/api/v1/products/${draft.id}/reviews`), 404, "not_found");
    const gone = await createProduct(s.token, s.shop);
    await insertCheckout({ customerId: buyer.userId, lines: [{ product: gone }] });
    expect((await call("DELETE", `/api/v1/products/${gone.id}`, { token: s.token })).status).toBe(204);
    await expectProblem(await post(`/api/v1/products/${gone.id}/reviews`, review(5), buyer.token), 404, "not_found");
    // Its owner still sees the (empty) list.
    expect(
      (await expectJson<Page<Review>>(await get(`/api/v1/products/${draft.id}/reviews`, s.token), 200)).items,
    ).toEqual([]);
  });
});

describe("input", () => {
  it("answers 422 problem+json naming the bad fields, 400 for malformed JSON", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const buyer = await deliveredBuyer(product);
    const path = `/api/v1/products/${product.id}/reviews`;
    for (const [body, field] of [
      [{ rating: 6, body: "ok" }, "rating"],
      [{ rating: 0, body: "ok" }, "rating"],
      [{ rating: 4.5, body: "ok" }, "rating"],
      [{ rating: "5", body: "ok" }, "rating"],
      [{ rating: 5 }, "body"],
      [{ rating: 5, body: "   " }, "body"],
      [{ rating: 5, body: "x".repeat(5001) }, "body"],
      [{ rating: 5, body: "ok", title: "t".repeat(121) }, "title"],
      [{ rating: 5, body: "ok", extra: true }, null],
    ] as const) {
      const problem = await expectProblem(await post(path, body, buyer.token), 422, "validation_failed");
      expect(problem.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
      if (field) expect(problem.errors?.map((e) => e.path)).toContain(field);
    }
    await expectProblem(
      await call("POST", path, {
        raw: "{not json",
        token: buyer.token,
        headers: { "Content-Type": "application/json" },
      }),
      400,
      "bad_request",
    );
    await expectProblem(await get(`${path}?limit=0`), 422, "validation_failed");
    await expectProblem(await get(`${path}?cursor=garbage`), 422, "validation_failed");
    // Nothing was written by any of these.
    expect(await productRating(product.id)).toEqual({ rating_average: 0, rating_count: 0 });
  });
});

describe("rating average and count", () => {
  it("stay exact over several reviews, concurrent ones included", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const ratings = [5, 4, 4, 3, 1, 2, 5];
    const buyers = await Promise.all(ratings.map(() => deliveredBuyer(product)));

    const first = await post(`/api/v1/products/${product.id}/reviews`, review(ratings[0]), buyers[0].token);
    expect(first.status).toBe(201);
    const rest = await Promise.all(
      buyers.slice(1).map((b, i) => post(`/api/v1/products/${product.id}/reviews`, review(ratings[i + 1]), b.token)),
    );
    expect(rest.map((r) => r.status)).toEqual(ratings.slice(1).map(() => 201));

    const sum = ratings.reduce((a, b) => a + b, 0);
    const stored = await productRating(product.id);
    expect(stored.rating_count).toBe(ratings.length);
    expect(stored.rating_average).toBeCloseTo(sum / ratings.length, 10);
    const { product: read } = await readProduct(product.id);
    expect(read.rating).toEqual({ average: Math.round((sum / ratings.length) * 100) / 100, count: ratings.length });
  });

  it("lets only one of two concurrent reviews by the same buyer through", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const buyer = await deliveredBuyer(product);
    const results = await Promise.all([
      post(`/api/v1/products/${product.id}/reviews`, review(5), buyer.token),
      post(`/api/v1/products/${product.id}/reviews`, review(1), buyer.token),
      post(`/api/v1/products/${product.id}/reviews`, review(3), buyer.token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const winner = (await results.find((r) => r.status === 201)!.json()) as Review;
    expect(await productRating(product.id)).toEqual({ rating_average: winner.rating, rating_count: 1 });
  });

  it("invalidates the cached product so its rating shows at once", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const buyer = await deliveredBuyer(product);
    await readProduct(product.id);
    expect((await readProduct(product.id)).cache).toBe("HIT");
    await expectJson<Review>(await post(`/api/v1/products/${product.id}/reviews`, review(3), buyer.token), 201);
    const after = await readProduct(product.id);
    expect(after.cache).toBe("MISS");
    expect(after.product.rating).toEqual({ average: 3, count: 1 });
  });
});

describe("listing", () => {
  it("pages newest first with the seller's reply", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const created: Review[] = [];
    for (const rating of [5, 3, 4]) {
      const buyer = await deliveredBuyer(product);
      created.push(
        await expectJson<Review>(
          await post(`/api/v1/products/${product.id}/reviews`, review(rating), buyer.token),
          201,
        ),
      );
    }
    const replied = await expectJson<Review>(
      await post(`/api/v1/reviews/${created[1].id}/reply`, { body: "ขอบคุณครับ" }, s.token),
      200,
    );
    expect(replied.sellerReply?.body).toBe("ขอบคุณครับ");

    const first = await expectJson<Page<Review>>(await get(`/api/v1/products/${product.id}/reviews?limit=2`), 200);
    expect(first.items.map((r) => r.id)).toEqual([created[2].id, created[1].id]);
    expect(first.items[1].sellerReply).toEqual(replied.sellerReply);
    expect(first.nextCursor).not.toBeNull();
    const second = await expectJson<Page<Review>>(
      await get(`/api/v1/products/${product.id}/reviews?limit=2&cursor=${first.nextCursor}`),
      200,
    );
    expect(second.items.map((r) => r.id)).toEqual([created[0].id]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("seller replies", () => {
  it("are for the product's shop owner only, and can be edited", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const buyer = await deliveredBuyer(product);
    const created = await expectJson<Review>(
      await post(`/api/v1/products/${product.id}/reviews`, review(2), buyer.token),
      201,
    );
    const path = `/api/v1/reviews/${created.id}/reply`;

    const otherSeller = await seller("TH");
    await expectProblem(await post(path, { body: "Buy from us instead" }, otherSeller.token), 403, "forbidden");
    await expectProblem(await post(path, { body: "Replying to myself" }, buyer.token), 403, "forbidden");
    await expectProblem(await post(path, { body: "" }, s.token), 422, "validation_failed");
    await expectProblem(await post("/api/v1/reviews/rev_nope/reply", { body: "hi" }, s.token), 404, "not_found");

    const first = await expectJson<Review>(await post(path, { body: "Sorry, we will send a new one." }, s.token), 200);
    expect(first.sellerReply?.body).toBe("Sorry, we will send a new one.");
    const edited = await expectJson<Review>(
      await post(path, { body: "Sorry! A new one is on its way." }, s.token),
      200,
    );
    expect(edited.sellerReply?.body).toBe("Sorry! A new one is on its way.");
    const page = await expectJson<Page<Review>>(await get(`/api/v1/products/${product.id}/reviews`), 200);
    expect(page.items[0].sellerReply?.body).toBe("Sorry! A new one is on its way.");
    expect(page.items[0].rating).toBe(2);
  });
});

describe("reports and moderation", () => {
  it("hide a review at the third report, and an admin decides", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const [author, other] = [await deliveredBuyer(product), await deliveredBuyer(product)];
    const bad = await expectJson<Review>(
      await post(
        `/api/v1/products/${product.id}/reviews`,
        review(1, { body: "Visit my shop for cheaper" }),
        author.token,
      ),
      201,
    );
    await expectJson<Review>(await post(`/api/v1/products/${product.id}/reviews`, review(5), other.token), 201);
    expect(await productRating(product.id)).toEqual({ rating_average: 3, rating_count: 2 });
    await readProduct(product.id); // cached with the old rating

    const path = `/api/v1/reviews/${bad.id}/report`;
    await expectProblem(await post(path, { reason: "Spam" }, author.token), 403, "forbidden");
    await expectProblem(await post(path, { reason: "" }, other.token), 422, "validation_failed");

    const reporters = [other, await newAccount("TH"), await newAccount("TH")];
    expect((await post(path, { reason: "Spam: advertises another shop" }, reporters[0].token)).status).toBe(204);
    await expectProblem(await post(path, { reason: "Spam again" }, reporters[0].token), 409, "conflict");
    expect((await post(path, { reason: "Advertising" }, reporters[1].token)).status).toBe(204);
    let page = await expectJson<Page<Review>>(await get(`/api/v1/products/${product.id}/reviews`), 200);
    expect(page.items.map((r) => r.id)).toContain(bad.id);

    expect((await post(path, { reason: "Not about the product" }, reporters[2].token)).status).toBe(204);
    page = await expectJson<Page<Review>>(await get(`/api/v1/products/${product.id}/reviews`), 200);
    expect(page.items.map((r) => r.id)).not.toContain(bad.id);
    // Hidden reviews leave the rating, and the product's cached copy is dropped.
    expect(await productRating(product.id)).toEqual({ rating_average: 5, rating_count: 1 });
    const read = await readProduct(product.id);
    expect(read.cache).toBe("MISS");
    expect(read.product.rating).toEqual({ average: 5, count: 1 });
    // A hidden review cannot be reported further.
    await expectProblem(await post(path, { reason: "late" }, (await newAccount("TH")).token), 404, "not_found");

    // Admins see it in the queue with its reports.
    const admin = await newAdmin();
    const queue = await expectJson<Page<ModeratedReview>>(
      await get("/api/v1/admin/reviews/reported?state=hidden", admin.token),
      200,
    );
    const listed = queue.items.find((r) => r.id === bad.id);
    expect(listed).toMatchObject({ hidden: true, reportCount: 3 });
    expect(listed?.reports.map((r) => r.reporterId).sort()).toEqual(reporters.map((r) => r.userId).sort());
    expect(listed?.reports.map((r) => r.reason)).toContain("Spam: advertises another shop");
    await expectProblem(await get("/api/v1/admin/reviews/reported?state=nope", admin.token), 422, "validation_failed");

    // The admin shows it again: back in the list and the rating, its count starts afresh.
    const visibility = `/api/v1/admin/reviews/${bad.id}/visibility`;
    await expectProblem(await post(visibility, { hidden: false }, s.token), 403, "forbidden");
    await expectProblem(await post(visibility, { hidden: "no" }, admin.token), 422, "validation_failed");
    await expectProblem(
      await post("/api/v1/admin/reviews/rev_nope/visibility", { hidden: true }, admin.token),
      404,
      "not_found",
    );
    const shown = await expectJson<ModeratedReview>(await post(visibility, { hidden: false }, admin.token), 200);
    expect(shown).toMatchObject({ id: bad.id, hidden: false, reportCount: 0 });
    expect(shown.reports).toHaveLength(3);
    expect(await productRating(product.id)).toEqual({ rating_average: 3, rating_count: 2 });
    page = await expectJson<Page<Review>>(await get(`/api/v1/products/${product.id}/reviews`), 200);
    expect(page.items.map((r) => r.id)).toContain(bad.id);
    const visibleQueue = await expectJson<Page<ModeratedReview>>(
      await get("/api/v1/admin/reviews/reported", admin.token),
      200,
    );
    expect(visibleQueue.items.map((r) => r.id)).not.toContain(bad.id);

    // And can hide it outright.
    const hidden = await expectJson<ModeratedReview>(await post(visibility, { hidden: true }, admin.token), 200);
    expect(hidden.hidden).toBe(true);
    expect(await productRating(product.id)).toEqual({ rating_average: 5, rating_count: 1 });
  });

  it("counts concurrent reports exactly", async () => {
    const s = await seller("TH");
    const product = await createProduct(s.token, s.shop);
    const author = await deliveredBuyer(product);
    const created = await expectJson<Review>(
      await post(`/api/v1/products/${product.id}/reviews`, review(1), author.token),
      201,
    );
    const reporters = await Promise.all([1, 2, 3].map(() => newAccount("TH")));
    const results = await Promise.all(
      reporters.map((r) => post(`/api/v1/reviews/${created.id}/report`, { reason: "Abusive" }, r.token)),
    );
    expect(results.map((r) => r.status)).toEqual([204, 204, 204]);
    const row = await env.DB.prepare("SELECT report_count, hidden FROM reviews WHERE id = ?")
      .bind(created.id)
      .first<{ report_count: number; hidden: number }>();
    expect(row).toEqual({ report_count: 3, hidden: 1 });
    expect(await productRating(product.id)).toEqual({ rating_average: 0, rating_count: 0 });
    // Exactly one product.updated for the hiding (besides the one for the review itself).
    const updates = (await productEvents(product.id)).filter((e) => e.type === "product.updated");
    expect(updates).toHaveLength(2);
  });
});

describe("documentation", () => {
  it("describes every review and recommendation endpoint in the OpenAPI document", async () => {
    const doc = await expectJson<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      tags: { name: string }[];
    }>(await get("/openapi.json"), 200);
    const expected: [string, string, string][] = [
      ["/api/v1/products/{id}/reviews", "get", "200"],
      ["/api/v1/products/{id}/reviews", "post", "201"],
      ["/api/v1/reviews/{id}/reply", "post", "200"],
      ["/api/v1/reviews/{id}/report", "post", "204"],
      ["/api/v1/admin/reviews/reported", "get", "200"],
      ["/api/v1/admin/reviews/{id}/visibility", "post", "200"],
      ["/api/v1/recommendations/trending", "get", "200"],
      ["/api/v1/recommendations/for-you", "get", "200"],
      ["/api/v1/products/{id}/similar", "get", "200"],
      ["/api/v1/products/{id}/bought-together", "get", "200"],
      ["/api/v1/products/{id}/views", "post", "204"],
    ];
    for (const [path, method, status] of expected) {
      expect(doc.paths[path]?.[method]?.responses[status], `${method} ${path}`).toBeDefined();
    }
    expect(doc.paths["/api/v1/products/{id}/reviews"].post.responses["403"]).toBeDefined();
    expect(doc.tags.map((t) => t.name)).toEqual(expect.arrayContaining(["Reviews", "Recommendations"]));
    expect(JSON.stringify(doc)).toContain("not_a_buyer");
  });
});
