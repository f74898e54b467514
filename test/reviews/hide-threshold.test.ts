import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { readConfig } from "../../workers/platform/config";
import {
  type Account,
  createProduct,
  expectJson,
  insertCheckout,
  newAccount,
  type Product,
  post,
  type Review,
  seller,
} from "./helpers";

const app = createApp();

/** POST through the Worker's app with these variables instead of the test env's. */
async function postWith(vars: Record<string, string>, path: string, body: unknown, token: string) {
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request(`http://tchat.test${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

async function reviewedProduct(): Promise<{ product: Product; review: Review }> {
  const s = await seller("TH");
  const product = await createProduct(s.token, s.shop);
  const author: Account = await newAccount("TH");
  await insertCheckout({ customerId: author.userId, lines: [{ product }], status: "delivered" });
  const review = await expectJson<Review>(
    await post(`/api/v1/products/${product.id}/reviews`, { rating: 1, body: "Visit my shop instead" }, author.token),
    201,
  );
  return { product, review };
}

async function reviewState(id: string) {
  return env.DB.prepare("SELECT hidden, report_count FROM reviews WHERE id = ?")
    .bind(id)
    .first<{ hidden: number; report_count: number }>();
}

async function hidingEvents(productId: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT count(*) AS n FROM outbox_events WHERE type = 'product.updated' AND json_extract(envelope, '$.data.productId') = ?",
  )
    .bind(productId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("REVIEW_HIDE_AFTER_REPORTS", () => {
  it("is 3 in the test env, as the production default", () => {
    expect(env.REVIEW_HIDE_AFTER_REPORTS).toBe("3");
    expect(readConfig(env).reviews.hideAfterReports).toBe(3);
    expect(
      readConfig({ ...env, REVIEW_HIDE_AFTER_REPORTS: undefined } as unknown as Env).reviews.hideAfterReports,
    ).toBe(3);
    expect(() => readConfig({ ...env, REVIEW_HIDE_AFTER_REPORTS: "0" })).toThrow();
  });

  it("lowered to 2, the second report hides the review (and announces the rating change once)", async () => {
    const { product, review } = await reviewedProduct();
    const path = `/api/v1/reviews/${review.id}/report`;
    const lowered = { REVIEW_HIDE_AFTER_REPORTS: "2" };
    const before = await hidingEvents(product.id);

    expect((await postWith(lowered, path, { reason: "Spam" }, (await newAccount("TH")).token)).status).toBe(204);
    expect(await reviewState(review.id)).toEqual({ hidden: 0, report_count: 1 });
    expect((await postWith(lowered, path, { reason: "Advertising" }, (await newAccount("TH")).token)).status).toBe(204);
    expect(await reviewState(review.id)).toEqual({ hidden: 1, report_count: 2 });
    expect(await hidingEvents(product.id)).toBe(before + 1);
  });

  it("with the default, two reports leave the review visible and the third hides it", async () => {
    const { review } = await reviewedProduct();
    const path = `/api/v1/reviews/${review.id}/report`;
    for (const reason of ["Spam", "Advertising"]) {
      expect((await post(path, { reason }, (await newAccount("TH")).token)).status).toBe(204);
    }
    expect(await reviewState(review.id)).toEqual({ hidden: 0, report_count: 2 });
    expect((await post(path, { reason: "Off topic" }, (await newAccount("TH")).token)).status).toBe(204);
    expect(await reviewState(review.id)).toEqual({ hidden: 1, report_count: 3 });
  });
});
