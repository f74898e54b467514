// Types of ops-load.mjs for the TypeScript test that drives it (test/e2e/web/ops-story.test.ts).
export interface LoadStats {
  requests: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  failedActions: number;
  checkouts: number;
  chatMessages: number;
}
export function runLoad(options: {
  base: string;
  seconds?: number;
  workers?: number;
  signal?: AbortSignal;
  onProgress?: (stats: LoadStats) => void;
}): Promise<LoadStats>;
export function parseArgs(argv: string[]): { base: string; seconds: number; workers: number };
