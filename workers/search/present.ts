import type { searchSynonyms } from "../../d1/schema/search";
import type { Synonym } from "../../schemas/search";

export function presentSynonym(row: typeof searchSynonyms.$inferSelect): Synonym {
  return {
    id: row.id,
    locale: row.locale as Synonym["locale"],
    term: row.term,
    synonyms: row.synonyms,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
