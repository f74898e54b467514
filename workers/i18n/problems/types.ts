/**
 * A translation table of problem details: each English template ("SKU {0} is already used in
 * this shop.") mapped to its translation with the same numbered placeholders. Kept apart from
 * problem-details.ts, which reads the tables, so the tables do not import their reader.
 */
export type ProblemTranslations = Readonly<Record<string, string>>;
