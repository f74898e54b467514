import { inArray, sql } from "drizzle-orm";
import { searchSynonyms } from "../../d1/schema/search";
import type { Locale } from "../../schemas/platform";
import { type Database, nowMs } from "../platform/db";
import { newId } from "../platform/ids";
import { bumpSearchGeneration } from "./cache";
import { fold } from "./text";

/**
 * Synonyms are one-way rules `term → synonyms`, kept per language in search_synonyms. `term` is
 * stored in its matching form (folded: lower case, no diacritics, single spaces), so "Điện thoại"
 * and "dien thoai" are one rule; synonyms are stored as written. At query time every rule whose
 * term equals a query word (or two or three adjacent words) adds its synonyms as alternatives.
 */
export function synonymKey(term: string): string {
  return fold(term);
}

/** A synonym as stored: trimmed, NFC, lower case, single spaces; diacritics kept. */
export function synonymText(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Groups of words that mean the same thing; every member becomes a rule pointing at the others. */
export const SYNONYM_GROUPS: Record<Locale, string[][]> = {
  en: [
    ["phone", "mobile phone", "cellphone", "smartphone", "handphone"],
    ["laptop", "notebook"],
    ["tv", "television"],
    ["earphones", "earbuds", "headphones"],
    ["sneakers", "trainers"],
    ["t-shirt", "tee", "tshirt"],
    ["fridge", "refrigerator"],
  ],
  id: [
    ["hp", "handphone", "ponsel"],
    ["laptop", "notebook"],
    ["kaos", "baju kaos"],
    ["sepatu", "sneakers"],
    ["tv", "televisi"],
  ],
  ms: [
    ["telefon bimbit", "handphone", "hp"],
    ["komputer riba", "laptop"],
  ],
  fil: [
    ["cellphone", "selpon", "cp"],
    ["laptop", "notebook"],
  ],
  th: [
    ["มือถือ", "โทรศัพท์มือถือ", "สมาร์ทโฟน"],
    ["โน้ตบุ๊ก", "โน๊ตบุ๊ค", "แล็ปท็อป", "laptop", "notebook"],
    ["เสื้อยืด", "t-shirt"],
    ["หูฟัง", "earphones"],
  ],
  vi: [
    ["điện thoại", "dt", "đt", "điện thoại di động"],
    ["máy tính xách tay", "laptop", "notebook"],
    ["áo thun", "áo phông"],
    ["tai nghe", "earphones"],
  ],
};

/** One rule per group member (the others are its synonyms); the first spelling of a key wins. */
export function synonymRules(): { locale: Locale; term: string; synonyms: string[] }[] {
  const rules: { locale: Locale; term: string; synonyms: string[] }[] = [];
  for (const [locale, groups] of Object.entries(SYNONYM_GROUPS) as [Locale, string[][]][]) {
    const seen = new Set<string>();
    for (const group of groups) {
      for (const member of group) {
        const term = synonymKey(member);
        if (seen.has(term)) continue;
        seen.add(term);
        const synonyms = group.filter((other) => synonymKey(other) !== term).map(synonymText);
        rules.push({ locale, term, synonyms: [...new Set(synonyms)] });
      }
    }
  }
  return rules;
}

/** Seeds the default lists; rules an admin already has (same locale and term) are left alone. */
export async function seedSynonyms(db: Database): Promise<{ synonyms: number }> {
  const now = nowMs();
  const rows = synonymRules().map((r) => ({ id: newId("syn"), ...r, createdAt: now }));
  // 5 columns per row, at most 100 bound parameters per statement.
  const inserts = [];
  for (let i = 0; i < rows.length; i += 19) {
    inserts.push(
      db
        .insert(searchSynonyms)
        .values(rows.slice(i, i + 19))
        .onConflictDoNothing(),
    );
  }
  const [first, ...rest] = inserts;
  if (first) await db.batch([first, ...rest, bumpSearchGeneration(db)]);
  return { synonyms: rows.length };
}

/** Synonyms of any of these keys, across every language's list. */
export function synonymsFor(db: Database, keys: string[]) {
  return db
    .select({ term: searchSynonyms.term, synonyms: searchSynonyms.synonyms })
    .from(searchSynonyms)
    .where(keys.length > 0 ? inArray(searchSynonyms.term, keys) : sql`0`);
}
