import { describe, expect, it } from "vitest";
import { type BulkReport, call, createProduct, expectJson, seller } from "./helpers";

const upload = async (shopId: string, csv: string, token: string, language: string) =>
  expectJson<BulkReport>(
    await call("POST", `/api/v1/shops/${shopId}/products/bulk`, {
      raw: csv,
      token,
      headers: { "Content-Type": "text/csv", "Accept-Language": language },
    }),
    200,
  );

describe("bulk CSV refusals in the seller's language", () => {
  it("words each refused row's reason in th, en, id, ms, fil and vi; codes and values stay", async () => {
    const owner = await seller("TH");
    const tee = await createProduct(owner.token, owner.shop, { price: { amount: 19_900, currency: "THB" }, stock: 5 });
    const csv = `sku,price,stock\r\nNO-SUCH-SKU,10,1\r\n${tee.sku},abc,\r\n,1,1\r\n${tee.sku.toLowerCase()}x,,-1\r\n`;
    const expected: Record<string, string[]> = {
      en: [
        "No product or variant of this shop has this SKU.",
        "The price must be a positive amount in THB with at most 2 decimals, such as 129.50.",
        "",
        "The sku cell is empty: name the product's SKU.",
        "Stock must be a whole number from 0 to",
      ],
      th: ["ไม่มีสินค้าหรือตัวเลือกสินค้าของร้านนี้ที่ใช้ SKU นี้", "ราคาต้องเป็นจำนวนบวกในสกุล THB ที่มีทศนิยมไม่เกิน 2 ตำแหน่ง เช่น 129.50"],
      id: ["Tidak ada produk atau varian toko ini dengan SKU ini.", "Harga harus berupa jumlah positif dalam THB"],
      ms: ["Tiada produk atau varian kedai ini yang mempunyai SKU ini.", "Harga mestilah jumlah positif dalam THB"],
      fil: [
        "Walang produkto o variant ng shop na ito na may ganitong SKU.",
        "Ang presyo ay dapat positibong halaga sa THB",
      ],
      vi: ["Không có sản phẩm hoặc biến thể nào của cửa hàng này có SKU này.", "Giá phải là số dương bằng THB"],
    };
    for (const [language, reasons] of Object.entries(expected)) {
      const report = await upload(owner.shop.id, csv, owner.token, language);
      expect(report.status).toBe("refused");
      expect(report.refused.map((r) => r.code).sort()).toEqual([
        "bad_price",
        "bad_stock",
        "malformed_row",
        "unknown_sku",
      ]);
      const byCode = new Map(report.refused.map((r) => [r.code, r.reason]));
      expect(byCode.get("unknown_sku") ?? "").toContain(reasons[0]);
      expect(byCode.get("bad_price")).toContain(reasons[1]);
      if (language === "en") {
        expect(byCode.get("malformed_row")).toBe(reasons[3]);
        expect(byCode.get("bad_stock")).toContain(reasons[4]);
      }
    }
  });
});
