import { describe, expect, it } from "vitest";
import { completionKeys } from "../../workers/search/indexer";
import { expand, parseQuery, synonymKeysOf, typoKeysOf } from "../../workers/search/query";
import { deletionKeys, editDistance, fold, tokens } from "../../workers/search/text";

describe("folding", () => {
  it("removes Latin diacritics and folds đ, keeps Thai marks", () => {
    expect(fold("Điện Thoại  Di Động")).toBe("dien thoai di dong");
    expect(fold("Crème Brûlée")).toBe("creme brulee");
    expect(fold("เสื้อยืด")).toBe("เสื้อยืด");
    expect(fold("น้ำหอม")).toBe("น้ำหอม");
    // Decomposed input folds the same as composed.
    expect(fold("Tiếng Việt".normalize("NFD"))).toBe(fold("Tiếng Việt"));
  });
});

describe("tokens", () => {
  it("segments Thai into dictionary words", () => {
    expect(tokens("เสื้อยืดคอกลมผ้าฝ้าย")).toEqual(["เสื้อ", "ยืด", "คอกลม", "ผ้า", "ฝ้าย"]);
  });

  it("segments Lao, Japanese and Chinese too", () => {
    expect(tokens("ໂທລະສັບມືຖື").length).toBeGreaterThan(1);
    expect(tokens("スマートフォンケース").length).toBeGreaterThan(1);
    expect(tokens("智能手机壳").length).toBeGreaterThan(1);
  });

  it("cuts where FTS5's unicode61 cuts", () => {
    expect(tokens("Samsung Galaxy A55 5G 8/256GB Wi-Fi o'clock 6.5\"")).toEqual([
      "samsung",
      "galaxy",
      "a55",
      "5g",
      "8",
      "256gb",
      "wi",
      "fi",
      "o",
      "clock",
      "6",
      "5",
    ]);
    expect(tokens("iPhoneเคส")).toEqual(["iphone", "เคส"]);
    expect(tokens("!!! ???")).toEqual([]);
  });
});

describe("edit distance 1 (Damerau)", () => {
  it("counts a transposition as one", () => {
    expect(editDistance("samsnug", "samsung")).toBe(1);
    expect(editDistance("samsumg", "samsung")).toBe(1);
    expect(editDistance("samsun", "samsung")).toBe(1);
    expect(editDistance("ssamsung", "samsung")).toBe(1);
    expect(editDistance("smasnug", "samsung")).toBeGreaterThan(1);
    expect(editDistance("samsung", "samsung")).toBe(0);
  });

  it("two strings within distance 1 always share a deletion key", () => {
    const pairs = [
      ["samsnug", "samsung"],
      ["handphnoe", "handphone"],
      ["galaxi", "galaxy"],
      ["laptp", "laptop"],
      ["lapptop", "laptop"],
      ["เสื้อ", "เสือ"],
    ];
    for (const [a, b] of pairs) {
      const keys = new Set(deletionKeys(a));
      expect(
        deletionKeys(b).some((k) => keys.has(k)),
        `${a} ~ ${b}`,
      ).toBe(true);
    }
  });
});

describe("query expansion", () => {
  it("expands synonyms into OR groups and corrects unknown words", () => {
    const words = parseQuery("hp samsnug");
    expect(synonymKeysOf(words)).toEqual(expect.arrayContaining(["hp", "samsnug", "hp samsnug"]));
    expect(typoKeysOf(words)).toContain("samsug");
    const e = expand(words, {
      synonyms: new Map([["hp", ["handphone", "ponsel"]]]),
      neighbours: [
        { key: "samsug", term: "samsung", docs: 10 },
        { key: "samsng", term: "samsing", docs: 1 },
      ],
    });
    expect(e.match).toBe('("hp" OR "handphone" OR "ponsel") AND "samsung"');
    expect(e.corrections).toEqual({ samsnug: ["samsung"] });
  });

  it("matches multi-word synonym rules and Thai as phrases with a prefix", () => {
    const e = expand(parseQuery("dien thoai เสื้อยืด"), {
      synonyms: new Map([["dien thoai", ["dt"]]]),
      neighbours: [],
    });
    expect(e.match).toBe('("dien thoai" OR "dt") AND "เสื้อ ยืด"*');
  });

  it("never corrects numbers or short words, and keeps known words", () => {
    const e = expand(parseQuery("a56 hp samsung"), {
      synonyms: new Map(),
      neighbours: [
        { key: "samsung", term: "samsung", docs: 3 },
        { key: "samsun", term: "samsun", docs: 1 },
      ],
    });
    expect(e.match).toBe('"a56" AND "hp" AND "samsung"');
    expect(e.corrections).toEqual({});
  });
});

describe("autocomplete keys", () => {
  it("start at every word", () => {
    expect(completionKeys("Samsung Galaxy A55")).toEqual(["samsung galaxy a55", "galaxy a55", "a55"]);
    expect(completionKeys("เสื้อยืดคอกลม")).toEqual(["เสื้อยืดคอกลม", "ยืดคอกลม", "คอกลม"]);
  });
});
