import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../d1/schema";

export type Database = ReturnType<typeof database>;

/** Drizzle over the D1 binding, with the whole schema for typed queries. */
export function database(env: Pick<Env, "DB">) {
  return drizzle(env.DB, { schema });
}

/** Every timestamp column holds Unix epoch milliseconds. */
export function nowMs(): number {
  return Date.now();
}
