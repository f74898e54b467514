import type { Locale } from "../../schemas/platform";
import { fil } from "./problems/fil";
import { id } from "./problems/id";
import { ms } from "./problems/ms";
import { th } from "./problems/th";
import type { ProblemTranslations } from "./problems/types";
import { vi } from "./problems/vi";

/**
 * Problem details in the caller's language, gettext-style: code writes each `detail` as one whole
 * English sentence where the problem happens (a route, a domain rule, a Durable Object's outcome),
 * and the problem writer translates it on the way out. A translation table maps each English
 * template ("SKU {0} is already used in this shop.") to its translation with the same numbered
 * placeholders; the values (ids, amounts, limits) are taken from the English text.
 *
 * Only whole sentences are translated: an interpolated value is data, never English words
 * (scripts/problem-details.mjs finds every template and flags words in a placeholder, and
 * test/i18n/problem-details.static.test.ts keeps the tables complete for every template).
 */
const TABLES: Record<Exclude<Locale, "en">, ProblemTranslations> = { th, id, ms, fil, vi };

interface CompiledTemplate {
  template: string;
  pattern: RegExp;
}

/** Built once per isolate: templates with placeholders as anchored patterns, most specific first. */
let compiled: CompiledTemplate[] | undefined;

function templatesWithPlaceholders(): CompiledTemplate[] {
  if (compiled) return compiled;
  const templates = Object.keys(th).filter((t) => /\{\d+\}/.test(t));
  const literalLength = (t: string) => t.replace(/\{\d+\}/g, "").length;
  compiled = templates
    .sort((a, b) => literalLength(b) - literalLength(a))
    .map((template) => ({
      template,
      pattern: new RegExp(
        `^${template
          .split(/(\{\d+\})/)
          .map((part) => (/^\{\d+\}$/.test(part) ? "([\\s\\S]+?)" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
          .join("")}$`,
      ),
    }));
  return compiled;
}

/** The English template a detail was made from, and the values filled into it. */
export function templateOf(detail: string): { template: string; values: string[] } | undefined {
  if (Object.hasOwn(th, detail)) return { template: detail, values: [] };
  for (const { template, pattern } of templatesWithPlaceholders()) {
    const match = pattern.exec(detail);
    if (!match) continue;
    const order = [...template.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
    const values: string[] = [];
    order.forEach((index, i) => {
      values[index] = match[i + 1];
    });
    return { template, values };
  }
  return undefined;
}

/** `detail` in `locale`; English, or a detail no table knows, comes back unchanged. */
export function translateDetail(detail: string, locale: Locale): string {
  if (locale === "en") return detail;
  const found = templateOf(detail);
  const translation = found && TABLES[locale][found.template];
  if (!found || !translation) return detail;
  return translation.replace(/\{(\d+)\}/g, (_, n: string) => found.values[Number(n)] ?? "");
}
