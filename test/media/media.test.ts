import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  bytes,
  call,
  createProduct,
  expectJson,
  expectProblem,
  get,
  JPEG_HEADER,
  newAccount,
  PNG_HEADER,
  type Product,
  productEvents,
  seller,
  WEBP_HEADER,
} from "../catalog/helpers";

const MiB = 1024 * 1024;

interface Media {
  id: string;
  url: string;
  contentType: string;
  size: number;
}

/**
 * Uploads `body` with its Content-Length, or (`"chunked"`) as a stream of 64 KiB chunks with no
 * length, as a chunked HTTP upload arrives.
 */
function upload(path: string, body: Uint8Array, contentType: string | null, token?: string, mode?: "chunked") {
  const headers: Record<string, string> = {};
  if (contentType) headers["Content-Type"] = contentType;
  if (mode !== "chunked") {
    headers["Content-Length"] = String(body.byteLength);
    return call("POST", path, { raw: body, token, headers });
  }
  headers["Transfer-Encoding"] = "chunked";
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.byteLength) return controller.close();
      controller.enqueue(body.slice(offset, offset + 65_536));
      offset += 65_536;
    },
  });
  return call("POST", path, { raw: stream, token, headers });
}

/** The path part of a media url (the tests talk to the Worker directly). */
const pathOf = (url: string) => new URL(url).pathname;

describe("POST /api/v1/products/:id/media", () => {
  it.each([
    ["image/png", PNG_HEADER],
    ["image/jpeg", JPEG_HEADER],
    ["image/webp", WEBP_HEADER],
  ])("stores a %s in R2 and lists it on the product", async (type, header) => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const body = bytes(header, 4096);
    const media = await expectJson<Media>(await upload(`/api/v1/products/${product.id}/media`, body, type, token), 201);
    expect(media).toEqual({
      id: expect.stringMatching(/^med_/),
      url: expect.any(String),
      contentType: type,
      size: 4096,
    });
    expect(pathOf(media.url)).toBe(`/api/v1/media/${media.id}`);
    const object = await env.MEDIA.get(`media/${media.id}`);
    expect(object?.httpMetadata?.contentType).toBe(type);
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(body);
    const row = await env.DB.prepare("SELECT product_id, owner_id, kind, size FROM product_media WHERE id = ?")
      .bind(media.id)
      .first();
    expect(row).toMatchObject({ product_id: product.id, kind: "image", size: 4096 });
    const read = await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200);
    expect(read.images).toEqual([{ id: media.id, url: media.url }]);
    expect((await productEvents(product.id)).map((e) => e.type)).toEqual(["product.created", "product.updated"]);
  });

  it("also takes a body without Content-Length (chunked upload)", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const media = await expectJson<Media>(
      await upload(`/api/v1/products/${product.id}/media`, bytes(PNG_HEADER, 1000), "image/png", token, "chunked"),
      201,
    );
    expect(media.size).toBe(1000);
  });

  it("checks the bytes, not only the header: PNG bytes sent as image/jpeg are refused (415)", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const path = `/api/v1/products/${product.id}/media`;
    const mismatch = await expectProblem(
      await upload(path, bytes(PNG_HEADER), "image/jpeg", token),
      415,
      "unsupported_media_type",
    );
    expect(mismatch.detail).toContain("image/png");
    const text = new TextEncoder().encode("just some text, honestly an image");
    await expectProblem(await upload(path, text, "image/png", token), 415, "unsupported_media_type");
    await expectProblem(
      await upload(path, bytes([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]), "image/gif", token),
      415,
      "unsupported_media_type",
    );
    await expectProblem(
      await upload(path, bytes(PNG_HEADER), "application/octet-stream", token),
      415,
      "unsupported_media_type",
    );
    await expectProblem(await upload(path, bytes(PNG_HEADER), null, token), 415, "unsupported_media_type");
    await expectProblem(await upload(path, new Uint8Array(0), "image/png", token), 422, "validation_failed");
    expect((await expectJson<Product>(await get(`/api/v1/products/${product.id}`), 200)).images).toEqual([]);
    const { results } = await env.DB.prepare("SELECT id FROM product_media WHERE product_id = ?")
      .bind(product.id)
      .all();
    expect(results).toEqual([]);
  });

  it("refuses 10 MiB + 1 with 413 and the limit in detail, before and while reading", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const path = `/api/v1/products/${product.id}/media`;
    const big = bytes(PNG_HEADER, 10 * MiB + 1);
    const declared = await expectProblem(await upload(path, big, "image/png", token), 413, "payload_too_large");
    expect(declared.detail).toContain(String(10 * MiB));
    const streamed = await expectProblem(
      await upload(path, big, "image/png", token, "chunked"),
      413,
      "payload_too_large",
    );
    expect(streamed.detail).toContain(String(10 * MiB));
    // Exactly 10 MiB streams through.
    const max = await expectJson<Media>(await upload(path, bytes(PNG_HEADER, 10 * MiB), "image/png", token), 201);
    expect(max.size).toBe(10 * MiB);
  });

  it("is for the product's owner only", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const draft = await createProduct(token, shop, { status: "draft" });
    const stranger = await newAccount();
    await expectProblem(
      await upload(`/api/v1/products/${product.id}/media`, bytes(PNG_HEADER), "image/png", stranger.token),
      403,
      "forbidden",
    );
    await expectProblem(
      await upload(`/api/v1/products/${draft.id}/media`, bytes(PNG_HEADER), "image/png", stranger.token),
      404,
      "not_found",
    );
    await expectProblem(
      await upload("/api/v1/products/prd_nope/media", bytes(PNG_HEADER), "image/png", token),
      404,
      "not_found",
    );
  });
});

describe("GET /api/v1/media/:id", () => {
  it("serves the bytes with their type, an ETag, immutable caching, and 304 on If-None-Match", async () => {
    const { token, shop } = await seller("TH");
    const product = await createProduct(token, shop);
    const body = bytes(JPEG_HEADER, 2048);
    const media = await expectJson<Media>(
      await upload(`/api/v1/products/${product.id}/media`, body, "image/jpeg", token),
      201,
    );
    const res = await get(pathOf(media.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("Content-Length")).toBe("2048");
    const etag = res.headers.get("ETag");
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(body);

    const again = await get(pathOf(media.url), { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("ETag")).toBe(etag);
    expect(await again.text()).toBe("");
    const changed = await get(pathOf(media.url), { headers: { "If-None-Match": '"something-else"' } });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });

  it("answers 404 for unknown or malformed ids", async () => {
    await expectProblem(await get("/api/v1/media/med_01JD3Q5W8T2M4V6X8Z0B2D4F6H"), 404, "not_found");
    await expectProblem(await get("/api/v1/media/..%2Fsecrets"), 404, "not_found");
    await expectProblem(await get("/api/v1/media/prd_123"), 404, "not_found");
  });
});

describe("POST /api/v1/media (chat)", () => {
  it("takes pictures (recognised by their bytes) and files from any signed-in user", async () => {
    const user = await newAccount();
    const picture = await expectJson<Media>(
      await upload("/api/v1/media", bytes(PNG_HEADER, 300), "image/png", user.token),
      201,
    );
    expect(picture).toMatchObject({ contentType: "image/png", size: 300 });
    const gif = await expectJson<Media>(
      await upload("/api/v1/media", bytes([...new TextEncoder().encode("GIF89a")], 100), "image/gif", user.token),
      201,
    );
    expect(gif.contentType).toBe("image/gif");
    const pdf = new TextEncoder().encode("%PDF-1.7\n% a tiny pdf");
    const file = await expectJson<Media>(await upload("/api/v1/media", pdf, "application/pdf", user.token), 201);
    expect(file).toMatchObject({ contentType: "application/pdf", size: pdf.byteLength });
    const served = await get(pathOf(file.url), user.token);
    expect(served.headers.get("Content-Type")).toBe("application/pdf");
    expect(served.headers.get("Content-Disposition")).toBe("attachment");
    expect(await served.text()).toBe("%PDF-1.7\n% a tiny pdf");
    const row = await env.DB.prepare("SELECT product_id, owner_id, kind FROM product_media WHERE id = ?")
      .bind(file.id)
      .first();
    expect(row).toEqual({ product_id: null, owner_id: user.userId, kind: "file" });
  });

  it("never serves uploaded HTML or SVG as what it claims to be", async () => {
    const user = await newAccount();
    const html = new TextEncoder().encode("<script>alert(1)</script>");
    const page = await expectJson<Media>(await upload("/api/v1/media", html, "text/html", user.token), 201);
    expect(page.contentType).toBe("application/octet-stream");
    const svg = await expectJson<Media>(await upload("/api/v1/media", html, "image/svg+xml", user.token), 201);
    expect(svg.contentType).toBe("application/octet-stream");
    const served = await get(pathOf(svg.url), user.token);
    expect(served.headers.get("Content-Type")).toBe("application/octet-stream");
    expect(served.headers.get("Content-Disposition")).toBe("attachment");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    await served.arrayBuffer();
  });

  it("refuses a text file claiming to be an image (415)", async () => {
    const user = await newAccount();
    const text = new TextEncoder().encode("not an image at all");
    await expectProblem(await upload("/api/v1/media", text, "image/png", user.token), 415, "unsupported_media_type");
    await expectProblem(
      await upload("/api/v1/media", bytes(PNG_HEADER), "image/jpeg", user.token),
      415,
      "unsupported_media_type",
    );
    await expectProblem(await upload("/api/v1/media", text, null, user.token), 415, "unsupported_media_type");
  });

  it("caps images at 10 MiB and files at 25 MiB (413 with the limit)", async () => {
    const user = await newAccount();
    const image = await expectProblem(
      await upload("/api/v1/media", bytes(PNG_HEADER, 10 * MiB + 1), "image/png", user.token),
      413,
      "payload_too_large",
    );
    expect(image.detail).toContain(String(10 * MiB));
    // An image sent as a generic file is still an image: the bytes decide.
    const disguised = await expectProblem(
      await upload("/api/v1/media", bytes(PNG_HEADER, 10 * MiB + 1), "application/octet-stream", user.token, "chunked"),
      413,
      "payload_too_large",
    );
    expect(disguised.detail).toContain(String(10 * MiB));
    const bigFile = new Uint8Array(12 * MiB);
    const stored = await expectJson<Media>(await upload("/api/v1/media", bigFile, "application/zip", user.token), 201);
    expect(stored.size).toBe(12 * MiB);
    const tooBig = await upload("/api/v1/media", new Uint8Array(25 * MiB + 1), "application/zip", user.token);
    const problem = await expectProblem(tooBig, 413, "payload_too_large");
    expect(problem.detail).toContain(String(25 * MiB));
  });
});
