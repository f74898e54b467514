import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  bytes,
  call,
  expectJson,
  expectProblem,
  get,
  JPEG_HEADER,
  newAccount,
  newAdmin,
  type Page,
  post,
  type Shop,
  seller,
} from "./helpers";

interface ShopDocument {
  id: string;
  shopId: string;
  contentType: string;
  size: number;
  url: string;
  verificationId: string | null;
}

interface VerificationRequest {
  id: string;
  shopId: string;
  shopName: string;
  status: string;
  message: string | null;
  documents: ShopDocument[];
  reviewNote: string | null;
  reviewedAt: string | null;
}

const PDF = new TextEncoder().encode("%PDF-1.7\n% business registration\n");

function upload(shopId: string, body: Uint8Array, token: string, type = "application/pdf") {
  return call("POST", `/api/v1/shops/${shopId}/verification/documents`, {
    raw: body,
    token,
    headers: { "Content-Type": type },
  });
}

/** A shop owner who uploaded a PDF and a JPEG and sent them for review. */
async function submitted() {
  const owner = await seller("TH");
  const pdf = await expectJson<ShopDocument>(await upload(owner.shop.id, PDF, owner.token), 201);
  const jpeg = await expectJson<ShopDocument>(
    await upload(owner.shop.id, bytes(JPEG_HEADER), owner.token, "image/jpeg"),
    201,
  );
  const request = await expectJson<VerificationRequest>(
    await post(
      `/api/v1/shops/${owner.shop.id}/verification`,
      { documentIds: [pdf.id, jpeg.id], message: "DBD registration" },
      owner.token,
    ),
    201,
  );
  return { owner, pdf, jpeg, request };
}

describe("verification documents", () => {
  it("stores a document privately: the owner and admins read it, no one else, and no public url exists", async () => {
    const owner = await seller("TH");
    const doc = await expectJson<ShopDocument>(await upload(owner.shop.id, PDF, owner.token), 201);
    expect(doc).toMatchObject({
      shopId: owner.shop.id,
      contentType: "application/pdf",
      size: PDF.byteLength,
      verificationId: null,
    });
    expect(doc.url).toBe(`/api/v1/shops/${owner.shop.id}/verification/documents/${doc.id}`);

    const mine = await get(doc.url, owner.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await mine.arrayBuffer())).toEqual(PDF);
    const admin = await newAdmin();
    expect((await get(doc.url, admin.token)).status).toBe(200);

    const stranger = await newAccount();
    await expectProblem(await get(doc.url, stranger.token), 404, "not_found");
    await expectProblem(await get(doc.url), 401, "unauthorized");
    // The bytes are not under the public media prefix either.
    await expectProblem(await get(`/api/v1/media/${doc.id}`), 404, "not_found");
    expect(await env.MEDIA.head(`media/${doc.id}`)).toBeNull();
  });

  it("takes only PDF, JPEG and PNG from the owner, within the size limit", async () => {
    const owner = await seller("TH");
    const stranger = await newAccount();
    await expectProblem(await upload(owner.shop.id, PDF, stranger.token), 403, "forbidden");
    await expectProblem(
      await upload(owner.shop.id, new TextEncoder().encode("<html>hi</html>"), owner.token, "application/pdf"),
      415,
      "unsupported_media_type",
    );
    await expectProblem(await upload(owner.shop.id, new Uint8Array(0), owner.token), 422, "validation_failed");
    const huge = bytes(JPEG_HEADER, 10_485_761);
    await expectProblem(await upload(owner.shop.id, huge, owner.token, "image/jpeg"), 413, "payload_too_large");
  });
});

describe("verification requests", () => {
  it("sends documents for review: the shop is pending and the owner sees the request", async () => {
    const { owner, pdf, jpeg, request } = await submitted();
    expect(request).toMatchObject({ shopId: owner.shop.id, status: "pending", message: "DBD registration" });
    expect(request.documents.map((d) => d.id).sort()).toEqual([pdf.id, jpeg.id].sort());
    const state = await expectJson<{
      verificationStatus: string;
      latestRequest: VerificationRequest;
      unsubmittedDocuments: unknown[];
    }>(await get(`/api/v1/shops/${owner.shop.id}/verification`, owner.token), 200);
    expect(state).toMatchObject({
      verificationStatus: "pending",
      latestRequest: { id: request.id },
      unsubmittedDocuments: [],
    });
    const stranger = await newAccount();
    await expectProblem(await get(`/api/v1/shops/${owner.shop.id}/verification`, stranger.token), 403, "forbidden");
  });

  it("keeps one request open at a time and refuses documents already sent or of another shop", async () => {
    const { owner, pdf } = await submitted();
    const other = await seller("TH");
    const foreign = await expectJson<ShopDocument>(await upload(other.shop.id, PDF, other.token), 201);
    const fresh = await expectJson<ShopDocument>(await upload(owner.shop.id, PDF, owner.token), 201);
    await expectProblem(
      await post(`/api/v1/shops/${owner.shop.id}/verification`, { documentIds: [fresh.id] }, owner.token),
      409,
      "conflict",
    );
    await expectProblem(
      await post(`/api/v1/shops/${owner.shop.id}/verification`, { documentIds: [pdf.id] }, owner.token),
      422,
      "validation_failed",
    );
    await expectProblem(
      await post(`/api/v1/shops/${owner.shop.id}/verification`, { documentIds: [foreign.id] }, owner.token),
      422,
      "validation_failed",
    );
  });

  it("lets an admin approve from the queue: the shop shows verified and the audit log records who", async () => {
    const { owner, request } = await submitted();
    const admin = await newAdmin();
    const stranger = await newAccount();
    await expectProblem(await get("/api/v1/admin/shop-verifications", stranger.token), 403, "forbidden");
    let queued: VerificationRequest | undefined;
    let cursor: string | null = null;
    do {
      const page: Page<VerificationRequest> = await expectJson<Page<VerificationRequest>>(
        await get(
          `/api/v1/admin/shop-verifications?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ""}`,
          admin.token,
        ),
        200,
      );
      queued = page.items.find((r) => r.id === request.id);
      cursor = page.nextCursor;
    } while (!queued && cursor);
    expect(queued).toMatchObject({ shopName: owner.shop.name, status: "pending" });
    expect(queued?.documents).toHaveLength(2);

    const approved = await expectJson<VerificationRequest>(
      await post(
        `/api/v1/admin/shop-verifications/${request.id}/approve`,
        { note: "Registration matches" },
        admin.token,
      ),
      200,
    );
    expect(approved).toMatchObject({ status: "approved", reviewNote: "Registration matches" });
    const shop = await expectJson<Shop>(await get(`/api/v1/shops/${owner.shop.id}`), 200);
    expect(shop.verificationStatus).toBe("verified");
    expect(shop.verifiedAt).not.toBeNull();
    await expectProblem(
      await post(`/api/v1/admin/shop-verifications/${request.id}/reject`, { note: "too late" }, admin.token),
      409,
      "conflict",
    );
    const audit = await env.DB.prepare(
      "SELECT type, actor_id, user_id FROM audit_events WHERE json_extract(data, '$.verificationId') = ?",
    )
      .bind(request.id)
      .all<{ type: string; actor_id: string; user_id: string }>();
    expect(audit.results).toEqual([
      { type: "shop_verification_approved", actor_id: admin.userId, user_id: owner.userId },
    ]);
  });

  it("lets an admin reject with a note the owner reads, after which the owner may send again", async () => {
    const { owner, request } = await submitted();
    const admin = await newAdmin();
    await expectProblem(
      await post(`/api/v1/admin/shop-verifications/${request.id}/reject`, {}, admin.token),
      422,
      "validation_failed",
    );
    await expectJson(
      await post(
        `/api/v1/admin/shop-verifications/${request.id}/reject`,
        { note: "The scan is unreadable" },
        admin.token,
      ),
      200,
    );
    const shop = await expectJson<Shop>(await get(`/api/v1/shops/${owner.shop.id}`, owner.token), 200);
    expect(shop).toMatchObject({ verificationStatus: "rejected", verificationNote: "The scan is unreadable" });
    const again = await expectJson<ShopDocument>(await upload(owner.shop.id, PDF, owner.token), 201);
    const second = await expectJson<VerificationRequest>(
      await post(`/api/v1/shops/${owner.shop.id}/verification`, { documentIds: [again.id] }, owner.token),
      201,
    );
    expect(second.status).toBe("pending");
    expect((await expectJson<Shop>(await get(`/api/v1/shops/${owner.shop.id}`), 200)).verificationStatus).toBe(
      "pending",
    );
  });

  it("decides a request once when two admins race", async () => {
    const { request } = await submitted();
    const [a, b] = await Promise.all([newAdmin(), newAdmin()]);
    const answers = await Promise.all([
      post(`/api/v1/admin/shop-verifications/${request.id}/approve`, {}, a.token),
      post(`/api/v1/admin/shop-verifications/${request.id}/reject`, { note: "no" }, b.token),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
