import { deletionKeys, editDistance, fold, isUnspaced, tokens } from "./text";

/** Words of a query beyond this are ignored. */
export const MAX_QUERY_WORDS = 10;
/** Longest run of adjacent words a synonym rule may name ("điện thoại di động"). */
const MAX_SYNONYM_WORDS = 3;
/** Corrections tried per misspelt word, most frequent first. */
const MAX_CORRECTIONS = 3;

/** One word as typed (split at spaces), with the index tokens it stands for. */
export interface QueryWord {
  /** Folded, as a synonym rule's term is stored. */
  text: string;
  tokens: string[];
  /** Thai, Lao, Khmer, Myanmar or CJK: matched as a prefix, since segmentation may cut differently. */
  unspaced: boolean;
}

export function parseQuery(q: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const chunk of fold(q).split(" ")) {
    const t = tokens(chunk);
    if (t.length === 0) continue;
    words.push({ text: chunk, tokens: t, unspaced: isUnspaced(chunk) });
    if (words.length === MAX_QUERY_WORDS) break;
  }
  return words;
}

/** Whether a word may be corrected: one plain token of 4..32 letters (never numbers or model codes). */
export function correctable(word: QueryWord): boolean {
  if (word.tokens.length !== 1 || word.unspaced) return false;
  const length = Array.from(word.tokens[0]).length;
  return length >= 4 && length <= 32 && !/\p{N}/u.test(word.tokens[0]);
}

/** The synonym-rule keys a query could hit: every run of 1..3 adjacent words. */
export function synonymKeysOf(words: QueryWord[]): string[] {
  const keys = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_SYNONYM_WORDS && i + n <= words.length; n++) {
      const run = words.slice(i, i + n);
      keys.add(run.map((w) => w.text).join(" "));
      if (n > 1 && run.every((w) => w.unspaced)) keys.add(run.map((w) => w.text).join(""));
    }
  }
  return [...keys];
}

/** Deletion keys of every correctable word, to look their near neighbours up in one query. */
export function typoKeysOf(words: QueryWord[]): string[] {
  const keys = new Set<string>();
  for (const w of words) if (correctable(w)) for (const k of deletionKeys(w.tokens[0])) keys.add(k);
  return [...keys];
}

/** What the lookups found: synonym rules by key, and vocabulary terms (with document counts) by deletion key. */
export interface Lookups {
  synonyms: Map<string, string[]>;
  neighbours: { key: string; term: string; docs: number }[];
}

/** What the query became, for the response's debugging and the docs. */
export interface Expansion {
  /** The FTS5 MATCH expression. */
  match: string;
  corrections: Record<string, string[]>;
  synonyms: Record<string, string[]>;
}

/** An FTS5 phrase of these tokens; a prefix query when the last token is of an unspaced script. */
function phrase(toks: string[], prefix: boolean): string {
  return `"${toks.join(" ").replace(/"/g, '""')}"${prefix ? "*" : ""}`;
}

function phraseOf(text: string): string | undefined {
  const t = tokens(text);
  return t.length > 0 ? phrase(t, isUnspaced(t[t.length - 1])) : undefined;
}

/**
 * The MATCH expression: every word (or run of words a synonym rule names) must match, each as an
 * OR group of itself, its synonyms and, for a word the index does not know, its known neighbours
 * at edit distance 1.
 */
export function expand(words: QueryWord[], lookups: Lookups): Expansion {
  const groups: string[] = [];
  const corrections: Record<string, string[]> = {};
  const synonyms: Record<string, string[]> = {};
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (let n = Math.min(MAX_SYNONYM_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const run = words.slice(i, i + n);
      const keys = [run.map((w) => w.text).join(" ")];
      if (n > 1 && run.every((w) => w.unspaced)) keys.push(run.map((w) => w.text).join(""));
      const key = keys.find((k) => lookups.synonyms.has(k));
      if (!key) continue;
      const alternatives = new Set<string>();
      alternatives.add(
        phrase(
          run.flatMap((w) => w.tokens),
          run[run.length - 1].unspaced,
        ),
      );
      const found = lookups.synonyms.get(key) ?? [];
      for (const s of found) {
        const p = phraseOf(s);
        if (p) alternatives.add(p);
      }
      synonyms[key] = found;
      groups.push(group([...alternatives]));
      i += n;
      matched = true;
    }
    if (matched) continue;
    const word = words[i];
    groups.push(group(wordAlternatives(word, lookups, corrections)));
    i++;
  }
  return { match: groups.join(" AND "), corrections, synonyms };
}

function group(alternatives: string[]): string {
  return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" OR ")})`;
}

function wordAlternatives(word: QueryWord, lookups: Lookups, corrections: Record<string, string[]>): string[] {
  const itself = phrase(word.tokens, word.unspaced);
  if (!correctable(word)) return [itself];
  const token = word.tokens[0];
  const keys = new Set(deletionKeys(token));
  const near = new Map<string, number>();
  for (const n of lookups.neighbours) {
    if (n.term === token) return [itself];
    if (keys.has(n.key) && !near.has(n.term) && editDistance(token, n.term) <= 1) near.set(n.term, n.docs);
  }
  if (near.size === 0) return [itself];
  const best = [...near.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CORRECTIONS)
    .map(([term]) => term);
  corrections[token] = best;
  return best.map((t) => phrase([t], false));
}
