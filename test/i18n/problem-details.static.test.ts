import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script shared with the command line
import { collectProblemDetails } from "../../scripts/problem-details.mjs";
import { translateDetail } from "../../workers/i18n/problem-details";
import { fil } from "../../workers/i18n/problems/fil";
import { id } from "../../workers/i18n/problems/id";
import { ms } from "../../workers/i18n/problems/ms";
import { th } from "../../workers/i18n/problems/th";
import { vi } from "../../workers/i18n/problems/vi";

const { templates, unresolved, words } = collectProblemDetails() as {
  templates: Map<string, string>;
  unresolved: string[];
  words: string[];
};
const TABLES = { th, id, ms, fil, vi };
const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe("problem details in six languages", () => {
  it("finds the details the code writes", () => {
    expect(templates.size).toBeGreaterThan(150);
    expect(templates.has("This product is out of stock.")).toBe(true);
  });

  it("finds the details of outcomes made by a helper imported from another file (the chat room's fail)", () => {
    expect(templates.has("Only its sender can edit a message.")).toBe(true);
    expect(templates.has("A message holds at most {0} characters of text.")).toBe(true);
  });

  it("translates a sentence once built from English fragments as one whole sentence", () => {
    const english = "Only {0} in stock and your cart already holds {1}: add at most {2} more.";
    for (const [locale, table] of Object.entries(TABLES)) {
      const translated = translateDetail(
        "Only 3 in stock and your cart already holds 2: add at most 1 more.",
        locale as keyof typeof TABLES,
      );
      expect(translated).toBe(table[english].replace("{0}", "3").replace("{1}", "2").replace("{2}", "1"));
      expect(translated).not.toMatch(/in stock|add at most/);
    }
  });

  it("can follow every detail to its text (no detail built in a way the translator cannot see)", () => {
    expect(unresolved).toEqual([]);
  });

  it("never puts English words into a placeholder: each variant of a sentence is its own sentence", () => {
    expect(words).toEqual([]);
  });

  for (const [locale, table] of Object.entries(TABLES)) {
    it(`translates every detail into ${locale}, keeping its placeholders`, () => {
      const missing = [...templates.keys()].filter((t) => !table[t]?.trim());
      expect(missing, `untranslated in ${locale} (workers/i18n/problems/${locale}.ts)`).toEqual([]);
      const broken = Object.entries(table).filter(([en, tr]) => placeholders(en).join() !== placeholders(tr).join());
      expect(broken.map(([en]) => en)).toEqual([]);
    });

    it(`keeps no ${locale} translation of a detail the code no longer writes`, () => {
      expect(Object.keys(table).filter((t) => !templates.has(t))).toEqual([]);
    });
  }
});
