// Types of cron-ticker.mjs for the TypeScript tests that import it.
export function readCrons(tomlText: string): string[];
export function cronMatches(expression: string, date: Date): boolean;
export interface CronTicker {
  /** Settles once the catch-up run made at start has been attempted. */
  started: Promise<unknown>;
  /** Runs the crons matching the minute of `date` now. */
  tick(date: Date): Promise<unknown>;
  stop(): void;
}
export function startCronTicker(options: {
  base: string;
  crons: string[];
  fetch?: (url: string) => Promise<Response>;
  now?: () => Date;
  onRun?: (cron: string) => void;
  onError?: (err: unknown) => void;
}): CronTicker;
