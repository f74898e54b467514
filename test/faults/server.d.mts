// Types of server.mjs for the TypeScript e2e tests that start a server of their own (test/e2e).
export function freePort(): Promise<number>;
export interface LocalServer {
  base: string;
  /** Starts wrangler dev on the state directory; resolves with the milliseconds it took to answer /health. */
  start(): Promise<number>;
  /** SIGKILLs wrangler and workerd together. */
  kill(): Promise<void>;
  /** Runs the Worker's scheduled handler now, for every cron of wrangler.toml. */
  runCron(): Promise<void>;
  readonly starts: number;
}
export function localServer(options: {
  stateDir: string;
  vars?: Record<string, string>;
  cronTicker?: boolean;
  /** The state directory is a copy of a migrated one: no migrating. */
  migrated?: boolean;
}): Promise<LocalServer>;
/** Migrates an empty state directory as `wrangler d1 migrations apply --local` would, in one batch. */
export function migrateEmptyState(stateDir: string): Promise<void>;
