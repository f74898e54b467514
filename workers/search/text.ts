/**
 * Text as search sees it, the same on the way in (indexing) and on the way out (queries):
 *
 * - fold: NFD, Latin combining marks removed, đ → d, NFC again, lower case. "Điện thoại" and
 *   "dien thoai" become the same words; Thai, Lao, Khmer, Myanmar and CJK are left as they are
 *   (their vowel and tone marks are letters of the word, not decoration).
 * - segment: scripts written without spaces are cut into words with Intl.Segmenter, so
 *   "เสื้อยืดคอกลม" becomes "เสื้อ ยืด คอกลม".
 * - tokens: words are cut at anything that is not a letter, digit or mark, exactly where FTS5's
 *   unicode61 tokenizer (categories 'L* N* Co M*') cuts them, so the vocabulary kept beside the
 *   index holds the index's own tokens.
 */

/** Combining marks of Latin, Greek and Cyrillic (Vietnamese tones, accents); not Thai or Indic marks. */
const LATIN_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const NOT_TOKEN = /[^\p{L}\p{N}\p{M}\p{Co}]+/u;

/** Scripts written without spaces between words, and the locale whose dictionary segments them. */
const UNSPACED: [RegExp, string][] = [
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Lao}/u, "lo"],
  [/\p{Script=Khmer}/u, "km"],
  [/\p{Script=Myanmar}/u, "my"],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Han}/u, "zh"],
];
const ANY_UNSPACED =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "word" });
    segmenters.set(locale, s);
  }
  return s;
}

/** A Latin letter or digit directly against a letter of an unspaced script ("iPhoneเคส"). */
const SCRIPT_SEAM =
  /(?<=[\p{Script=Latin}\p{N}])(?=[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])|(?<=[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])(?=[\p{Script=Latin}])/gu;

/**
 * Lower case, without Latin diacritics; đ/Đ → d. Whitespace is collapsed to single spaces, and a
 * space goes between Latin and an unspaced script written together ("iphoneเคส" → "iphone เคส").
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(LATIN_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .normalize("NFC")
    .toLowerCase()
    .replace(SCRIPT_SEAM, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the text holds a script written without spaces (needs a dictionary to find words). */
export function isUnspaced(text: string): boolean {
  return ANY_UNSPACED.test(text);
}

function localeFor(text: string): string {
  for (const [pattern, locale] of UNSPACED) if (pattern.test(text)) return locale;
  return "en";
}

/** Word segments of folded text, with their offsets (Intl.Segmenter only where it is needed). */
export function segments(folded: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  if (isUnspaced(folded)) {
    for (const s of segmenter(localeFor(folded)).segment(folded)) {
      if (s.isWordLike) out.push({ word: s.segment, index: s.index });
    }
    return out;
  }
  const re = /\S+/g;
  for (let m = re.exec(folded); m !== null; m = re.exec(folded)) out.push({ word: m[0], index: m.index });
  return out;
}

/** The tokens of a text, as the index holds them. */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const { word } of segments(fold(text))) {
    for (const part of word.split(NOT_TOKEN)) if (part) out.push(part);
  }
  return out;
}

/** Text for an FTS5 column: its tokens joined by single spaces. */
export function indexText(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  return tokens(text.length > maxChars ? text.slice(0, maxChars) : text).join(" ");
}

/** Characters (code points), not UTF-16 units: SQLite's length() and substr() count the same way. */
export function chars(text: string): string[] {
  return Array.from(text);
}

/** The term itself and every string with one character removed (SymSpell, distance 1). */
export function deletionKeys(term: string): string[] {
  const cs = chars(term);
  const keys = new Set<string>([term]);
  for (let i = 0; i < cs.length; i++) keys.add(cs.slice(0, i).join("") + cs.slice(i + 1).join(""));
  return [...keys];
}

/**
 * Optimal string alignment distance, stopping early past `max`: substitutions, insertions,
 * deletions and transpositions of adjacent characters each cost one ("samsnug" → "samsung" is 1).
 */
export function editDistance(a: string, b: string, max = 1): number {
  const x = chars(a);
  const y = chars(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length];
}

/** Upper bound for a prefix range scan: every string starting with `prefix` sorts below it. */
export function prefixEnd(prefix: string): string {
  return `${prefix}\u{10ffff}`;
}
