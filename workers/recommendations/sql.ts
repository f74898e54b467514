import type { SQL } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";

/**
 * Recommendation queries are hand-written SQL (drizzle `sql` templates, parameters bound). Drizzle's
 * D1 batch cannot carry raw statements with parameters, so they go to D1 directly: several
 * statements in one round trip with `env.DB.batch`.
 */
const dialect = new SQLiteAsyncDialect();

export function statement(env: Pick<Env, "DB">, query: SQL): D1PreparedStatement {
  const { sql, params } = dialect.sqlToQuery(query);
  return env.DB.prepare(sql).bind(...params);
}

export async function rows<T>(env: Pick<Env, "DB">, query: SQL): Promise<T[]> {
  const { results } = await statement(env, query).all<T>();
  return results;
}

/** Two statements, one round trip. */
export async function rowsOfBoth<A, B>(env: Pick<Env, "DB">, first: SQL, second: SQL): Promise<[A[], B[]]> {
  const [a, b] = await env.DB.batch([statement(env, first), statement(env, second)]);
  return [a.results as A[], b.results as B[]];
}
