import { describe, expect, it } from "vitest";
import { bytes, newAccount, newAdmin, PNG_HEADER } from "../catalog/helpers";
import { call, expectJson, expectProblem } from "../orders/helpers";
import { orderIn, requestReturn, returnAction } from "./helpers";

// A return's photos are private (R2, never a public link): the buyer who took them and the shop's
// owner who decides on the return open them, through the return; anyone else is told nothing.

interface ReturnWithPhotos {
  id: string;
  status: string;
  mediaIds: string[];
  photos: { id: string; url: string }[];
}

/** Uploads `body` as `token`'s picture; its id. */
async function upload(token: string, body: Uint8Array): Promise<string> {
  const res = await call("POST", "/api/v1/media", {
    raw: body,
    token,
    headers: { "Content-Type": "image/png", "Content-Length": String(body.byteLength) },
  });
  return (await expectJson<{ id: string }>(res, 201)).id;
}

async function bytesOf(res: Response): Promise<number[]> {
  return [...new Uint8Array(await res.arrayBuffer())];
}

describe("a return's photos", () => {
  it("open for its buyer, its shop's owner and admins, privately; nobody else, and never as a public link", async () => {
    const d = await orderIn("delivered", 1);
    const picture = bytes(PNG_HEADER, 300);
    picture[200] = 42;
    const photo = await upload(d.buyer.token, picture);
    const other = await upload(d.buyer.token, bytes(PNG_HEADER, 120));
    const ret = await expectJson<ReturnWithPhotos>(
      await requestReturn(d.buyer.token, d.order.id, {
        items: [{ productId: d.productId, quantity: 1 }],
        reason: "The screen is cracked",
        mediaIds: [photo],
      }),
      201,
    );
    expect(ret.photos).toEqual([{ id: photo, url: `/api/v1/returns/${ret.id}/photos/${photo}` }]);
    const { url } = ret.photos[0];

    // The seller sees the photo in the shop's list, and opens it.
    const listed = await expectJson<{ items: ReturnWithPhotos[] }>(
      await call("GET", `/api/v1/shops/${d.seller.shop.id}/returns`, { token: d.seller.token }),
      200,
    );
    expect(listed.items.find((r) => r.id === ret.id)?.photos).toEqual(ret.photos);
    const admin = await newAdmin();
    for (const token of [d.buyer.token, d.seller.token, admin.token]) {
      const res = await call("GET", url, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      expect(res.headers.get("Content-Type")).toBe("image/png");
      expect(await bytesOf(res)).toEqual([...picture]);
    }
    const etag = (await call("GET", url, { token: d.seller.token })).headers.get("ETag");
    expect(etag).toBeTruthy();
    const notModified = await call("GET", url, { token: d.seller.token, headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);

    // Anyone else: 404 as for an unknown id; without a token 401.
    const stranger = await newAccount("TH");
    await expectProblem(await call("GET", url, { token: stranger.token }), 404, "not_found");
    await expectProblem(await call("GET", url), 401, "unauthorized");
    // Only the return's own photos: the buyer's other upload is not reachable through it.
    await expectProblem(
      await call("GET", `/api/v1/returns/${ret.id}/photos/${other}`, { token: d.seller.token }),
      404,
      "not_found",
    );
    await expectProblem(
      await call("GET", `/api/v1/returns/ret_unknown/photos/${photo}`, { token: d.buyer.token }),
      404,
      "not_found",
    );
    // The upload itself stays private to its uploader: no public link for the seller or anyone.
    await expectProblem(await call("GET", `/api/v1/media/${photo}`, { token: d.seller.token }), 404, "not_found");
    await expectProblem(await call("GET", `/api/v1/media/${photo}`), 404, "not_found");

    // Through the whole return the photo stays open to both.
    await expectJson(await returnAction(d.seller.token, ret.id, "approve"), 200);
    const received = await expectJson<ReturnWithPhotos>(await returnAction(d.seller.token, ret.id, "received"), 200);
    expect(received.photos).toEqual(ret.photos);
    expect((await call("GET", url, { token: d.buyer.token })).status).toBe(200);
  });
});
