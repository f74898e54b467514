import { CATEGORY_NAMES_SQL } from "../catalog";
import { ApiError } from "../platform/errors";
import { LruCache } from "../platform/lru";
import { MAX_SUGGESTION_LISTS, versionedKey } from "./cache";
import { fold, prefixEnd } from "./text";

export const MAX_SUGGESTIONS = 10;
/** How many of each source may appear, so one source cannot crowd out the others. */
const QUOTA = { brands: 3, categories: 2, names: 6 } as const;
/** Completions scanned per request; bounds the work of a one-letter prefix. */
const NAME_SCAN = 200;

interface Weighted {
  text: string;
  weight: number;
}

/**
 * Suggestions for what the shopper has typed so far, from four sources read in one D1 batch:
 * brands starting with it (most products first), category names starting with it in any
 * language, product names with a word starting with it (most popular first), and vocabulary words
 * completing its last word (most frequent first). Matching is folded, so "dien" suggests
 * "Điện thoại ..." and Thai prefixes work as typed ("เสื้" → "เสื้อยืด...").
 * Kept in the isolate under the search generation and the catalog's version (cache.ts), so a
 * prefix typed again costs one D1 statement, never a list older than the index or a category name.
 */
export async function autocomplete(env: Pick<Env, "DB">, q: string): Promise<string[]> {
  const prefix = fold(q);
  if (!/[\p{L}\p{N}]/u.test(prefix)) {
    throw new ApiError("validation_failed", "Type at least one letter or digit to get suggestions.", {
      errors: [{ path: "q", message: "Needs a letter or digit" }],
    });
  }
  const endsWord = /\s$/.test(q);
  const key = await versionedKey(env, prefix, endsWord);
  const kept = suggestionLists.get(key);
  if (kept) return kept;
  const suggestions = await suggest(env, prefix, endsWord);
  suggestionLists.set(key, suggestions);
  return suggestions;
}

const suggestionLists = new LruCache<string[]>(MAX_SUGGESTION_LISTS);

/** The suggestions for a folded prefix, from D1 (one batch). */
async function suggest(env: Pick<Env, "DB">, prefix: string, endsWord: boolean): Promise<string[]> {
  const words = prefix.split(" ");
  const last = endsWord ? "" : (words.pop() ?? "");
  const lead = words.join(" ");

  const [names, brands, terms, cats] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(
      // CROSS JOIN: walk the key range, then look each document up (never the other way round).
      `SELECT d.title AS text, d.popularity AS weight FROM search_completions c CROSS JOIN search_docs d ON d.doc_id = c.doc_id
       WHERE c.key >= ?1 AND c.key < ?2 LIMIT ${NAME_SCAN}`,
    ).bind(prefix, prefixEnd(prefix)),
    env.DB.prepare(
      `SELECT max(brand_value) AS text, count(*) AS weight FROM search_filters INDEXED BY search_filters_brand
       WHERE brand_key >= ?1 AND brand_key < ?2 GROUP BY brand_key ORDER BY weight DESC LIMIT ${QUOTA.brands}`,
    ).bind(prefix, prefixEnd(prefix)),
    env.DB.prepare(
      `SELECT term AS text, docs AS weight FROM search_terms WHERE term >= ?1 AND term < ?2 AND docs > 0
       ORDER BY docs DESC LIMIT ${MAX_SUGGESTIONS}`,
    ).bind(last || "\u{10ffff}", prefixEnd(last)),
    env.DB.prepare(CATEGORY_NAMES_SQL),
  ]);

  const categoryNames = categoriesStartingWith(cats.results as { names: string }[], prefix);

  const byName = new Map<string, Weighted>();
  for (const r of names.results as unknown as Weighted[]) {
    const key = fold(r.text);
    const seen = byName.get(key);
    // Many products may share a name: each adds to its weight.
    byName.set(key, { text: seen?.text ?? r.text, weight: (seen?.weight ?? 0) + 1 + Number(r.weight) });
  }
  const rankedNames = [...byName.values()].sort((a, b) => b.weight - a.weight || a.text.length - b.text.length);

  const completions = (terms.results as unknown as Weighted[]).map((t) => (lead ? `${lead} ${t.text}` : t.text));

  const out: string[] = [];
  const seen = new Set<string>();
  const add = (texts: string[], quota: number) => {
    let added = 0;
    for (const text of texts) {
      if (out.length >= MAX_SUGGESTIONS || added >= quota) return;
      const key = fold(text);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(text);
      added++;
    }
  };
  add(
    (brands.results as unknown as Weighted[]).map((b) => b.text),
    QUOTA.brands,
  );
  add(categoryNames, QUOTA.categories);
  add(
    rankedNames.map((n) => n.text),
    QUOTA.names,
  );
  add(completions, MAX_SUGGESTIONS);
  // Room left (few brands or categories): more names.
  add(
    rankedNames.map((n) => n.text),
    MAX_SUGGESTIONS,
  );
  return out;
}

/** Per category, its first name (in any language) with a word starting with `prefix`. */
function categoriesStartingWith(rows: { names: string }[], prefix: string): string[] {
  const matches: string[] = [];
  for (const row of rows) {
    let names: Record<string, string> = {};
    try {
      names = JSON.parse(row.names) as Record<string, string>;
    } catch {
      continue;
    }
    for (const name of Object.values(names)) {
      if (typeof name !== "string") continue;
      const folded = fold(name);
      if (folded.startsWith(prefix) || folded.includes(` ${prefix}`)) {
        matches.push(name);
        break;
      }
    }
  }
  return matches;
}
