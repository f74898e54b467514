import type { Context } from "hono";
import { LOCALES, type Locale } from "../../schemas/platform";
import type { AppEnv } from "../app-env";

const ALIASES: Record<string, Locale> = { tl: "fil", in: "id", ms: "ms", zsm: "ms" };

export function asLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if ((LOCALES as readonly string[]).includes(primary)) return primary as Locale;
  return ALIASES[primary];
}

/** The reader's language: ?locale=, then Accept-Language (by q order), then English. */
export function requestLocale(c: Context<AppEnv>): Locale {
  return requestedLocale(c) ?? "en";
}

/** The language a problem's detail is written in: the request's, else the signed-in account's. */
export function problemLocale(c: Context<AppEnv>): Locale {
  return requestedLocale(c) ?? c.get("auth")?.locale ?? "en";
}

/** The language the request itself names (?locale=, then Accept-Language by q order), if any. */
function requestedLocale(c: Context<AppEnv>): Locale | undefined {
  const explicit = asLocale(c.req.query("locale"));
  if (explicit) return explicit;
  const header = c.req.header("Accept-Language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? "1",
      );
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const locale = asLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/** Picks the text for a locale from a per-locale map, falling back to English. */
export function localized(names: Record<string, string>, locale: Locale): string {
  return names[locale] ?? names.en ?? Object.values(names)[0] ?? "";
}
