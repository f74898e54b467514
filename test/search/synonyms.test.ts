import { beforeAll, describe, expect, it } from "vitest";
import type { Synonym } from "../../schemas/search";
import { seedSynonyms, synonymRules } from "../../workers/search/synonyms";
import { call, createIndexed, db, expectJson, expectProblem, names, signUp } from "./helpers";

const PATH = "/api/v1/admin/search/synonyms";
let admin: string;

beforeAll(async () => {
  admin = await signUp(true);
  await createIndexed([
    { name: "Kulkas 2 Pintu Sharp SJ-195" },
    { name: "Mesin Cuci LG Front Loading" },
    { name: "ตู้เย็น Hitachi 2 ประตู" },
  ]);
});

describe("seeded synonym lists", () => {
  it("has per-language lists with both directions of laptop ↔ notebook", async () => {
    const rules = synonymRules();
    const find = (locale: string, term: string) => rules.find((r) => r.locale === locale && r.term === term)?.synonyms;
    expect(find("id", "hp")).toEqual(["handphone", "ponsel"]);
    expect(find("en", "laptop")).toEqual(["notebook"]);
    expect(find("en", "notebook")).toEqual(["laptop"]);
    expect(find("th", "มือถือ")).toContain("โทรศัพท์มือถือ");
    expect(find("vi", "dien thoai")).toEqual(expect.arrayContaining(["dt", "điện thoại di động"]));
    expect(find("vi", "dt")).toContain("điện thoại");
    expect(await seedSynonyms(db)).toEqual({ synonyms: rules.length });
    // Seeding twice changes nothing.
    await seedSynonyms(db);
    const res = await call("GET", `${PATH}?locale=id&limit=100`, { token: admin });
    const page = await expectJson<{ items: Synonym[] }>(res, 200);
    expect(page.items.filter((s) => s.term === "hp")).toHaveLength(1);
  });
});

describe("admin synonym CRUD", () => {
  it("a new synonym takes effect on the next search, and stops when deleted", async () => {
    expect(await names({ q: "lemari es" })).toEqual([]);
    const res = await call("POST", PATH, {
      token: admin,
      body: { locale: "id", term: "Lemari  Es", synonyms: ["kulkas", "ตู้เย็น", "Kulkas"] },
    });
    const rule = await expectJson<Synonym>(res, 201);
    expect(rule).toMatchObject({ locale: "id", term: "lemari es", synonyms: ["kulkas", "ตู้เย็น"] });
    expect((await names({ q: "lemari es" })).sort()).toEqual(["Kulkas 2 Pintu Sharp SJ-195", "ตู้เย็น Hitachi 2 ประตู"]);
    expect(await names({ q: "lemari es sharp" })).toEqual(["Kulkas 2 Pintu Sharp SJ-195"]);

    const list = await expectJson<{ items: Synonym[] }>(await call("GET", `${PATH}?locale=id`, { token: admin }), 200);
    expect(list.items.map((s) => s.id)).toContain(rule.id);

    await expectProblem(
      await call("POST", PATH, { token: admin, body: { locale: "id", term: "lemari es", synonyms: ["freezer"] } }),
      409,
      "conflict",
    );

    const del = await call("DELETE", `${PATH}/${rule.id}`, { token: admin });
    expect(del.status).toBe(204);
    expect(await names({ q: "lemari es" })).toEqual([]);
    await expectProblem(await call("DELETE", `${PATH}/${rule.id}`, { token: admin }), 404, "not_found");
  });

  it("Diacritics in a term do not matter", async () => {
    await expectJson(
      await call("POST", PATH, { token: admin, body: { locale: "vi", term: "Máy giặt", synonyms: ["mesin cuci"] } }),
      201,
    );
    expect(await names({ q: "may giat" })).toEqual(["Mesin Cuci LG Front Loading"]);
    expect(await names({ q: "máy giặt lg" })).toEqual(["Mesin Cuci LG Front Loading"]);
  });

  it("lists page by cursor", async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = cursor ? `?limit=7&cursor=${cursor}` : "?limit=7";
      const page: { items: Synonym[]; nextCursor: string | null } = await expectJson(
        await call("GET", `${PATH}${qs}`, { token: admin }),
        200,
      );
      for (const item of page.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(seen.size).toBeGreaterThan(20);
  });

  it("invalid rules → 422", async () => {
    const bad: unknown[] = [
      {},
      { locale: "xx", term: "a", synonyms: ["b"] },
      { locale: "id", term: "", synonyms: ["b"] },
      { locale: "id", term: "a", synonyms: [] },
      { locale: "id", term: "a", synonyms: "b" },
      { locale: "id", term: "a", synonyms: ["b"], extra: true },
      { locale: "id", term: "!!!", synonyms: ["b"] },
      { locale: "id", term: "same", synonyms: ["Same", "SAME"] },
      { locale: "id", term: "x".repeat(61), synonyms: ["b"] },
      { locale: "id", term: "a", synonyms: Array.from({ length: 21 }, (_, i) => `s${i}`) },
    ];
    for (const body of bad) {
      await expectProblem(await call("POST", PATH, { token: admin, body }), 422, "validation_failed");
    }
  });
});
