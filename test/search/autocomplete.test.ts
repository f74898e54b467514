import { beforeAll, describe, expect, it } from "vitest";
import { useFreshStorage } from "../support/fresh-storage";
import { call, createIndexed, expectProblem, insertCategory, suggest } from "./helpers";

// Its assertions are about the whole database; other test files share it.
useFreshStorage();

beforeAll(async () => {
  const phones = await insertCategory("a-phones", { en: "Smartphones", th: "โทรศัพท์มือถือ", vi: "Điện thoại" });
  const tees = await insertCategory("a-tees", { en: "T-shirts", th: "เสื้อยืด" });
  await createIndexed([
    { name: "Samsung Galaxy A55 5G", brand: "Samsung", categoryId: phones, soldCount: 500 },
    { name: "Samsung Galaxy S24 Ultra", brand: "Samsung", categoryId: phones, soldCount: 50 },
    { name: "Sandal Jepit Swallow", brand: "Swallow", soldCount: 5 },
    { name: "Sarung Tangan Motor", soldCount: 1 },
    { name: "Điện thoại Xiaomi Redmi Note 13", brand: "Xiaomi", categoryId: phones },
    { name: "เสื้อยืดคอกลมผ้าฝ้าย", categoryId: tees, soldCount: 30 },
    { name: "เสื้อเชิ้ตแขนยาว ผ้าลินิน", soldCount: 10 },
    { name: "กางเกงยีนส์ขายาว" },
    { name: "Hidden Draft Samsung Secret", brand: "Samsung", status: "draft" },
  ]);
});

describe("autocomplete", () => {
  it("completes English prefixes: brands first, then names by popularity", async () => {
    const s = await suggest("sam");
    expect(s[0]).toBe("Samsung");
    expect(s).toContain("Samsung Galaxy A55 5G");
    expect(s).toContain("Samsung Galaxy S24 Ultra");
    expect(s.indexOf("Samsung Galaxy A55 5G")).toBeLessThan(s.indexOf("Samsung Galaxy S24 Ultra"));
    expect(s.some((x) => x.includes("Secret"))).toBe(false);
    expect(s.length).toBeLessThanOrEqual(10);
  });

  it("completes a later word of a name, and multi-word prefixes", async () => {
    expect(await suggest("gal")).toEqual(expect.arrayContaining(["Samsung Galaxy A55 5G", "Samsung Galaxy S24 Ultra"]));
    expect(await suggest("samsung galaxy s")).toContain("Samsung Galaxy S24 Ultra");
    expect(await suggest("samsung galaxy s")).not.toContain("Samsung Galaxy A55 5G");
  });

  it("completes Thai prefixes", async () => {
    const s = await suggest("เสื้อ");
    expect(s).toEqual(expect.arrayContaining(["เสื้อยืด", "เสื้อยืดคอกลมผ้าฝ้าย", "เสื้อเชิ้ตแขนยาว ผ้าลินิน"]));
    expect(await suggest("เสื้อย")).toEqual(expect.arrayContaining(["เสื้อยืดคอกลมผ้าฝ้าย"]));
    expect(await suggest("เสื้อย")).not.toContain("เสื้อเชิ้ตแขนยาว ผ้าลินิน");
    expect(await suggest("กางเกง")).toContain("กางเกงยีนส์ขายาว");
    expect(await suggest("โทรศัพท์")).toContain("โทรศัพท์มือถือ");
  });

  it("ignores diacritics and case", async () => {
    const s = await suggest("DIEN th");
    expect(s).toContain("Điện thoại Xiaomi Redmi Note 13");
    expect(await suggest("điện")).toContain("Điện thoại");
  });

  it("answers an empty list for a prefix nothing starts with", async () => {
    expect(await suggest("zzzq")).toEqual([]);
  });

  it("bad input → 422", async () => {
    await expectProblem(await call("GET", "/api/v1/search/autocomplete"), 422, "validation_failed");
    await expectProblem(await call("GET", "/api/v1/search/autocomplete?q=%20%20"), 422, "validation_failed");
    await expectProblem(
      await call("GET", `/api/v1/search/autocomplete?q=${"a".repeat(101)}`),
      422,
      "validation_failed",
    );
  });
});
