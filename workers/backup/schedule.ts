import { nowMs } from "../platform/clock";
import type { Config } from "../platform/config";
import { logEvent } from "../platform/log";
import { continueRun, latestRun, runningRun, startRun } from "./export";

export interface BackupTick {
  started?: string;
  continued?: string;
  outcome?: "done" | "partial" | "busy" | "failed";
}

/**
 * The cron's part: start a run when the last one started `intervalMs` ago (or never), then export
 * a few pages of the running one. A failure is logged and the run goes on at the next minute
 * (a part is written again from where the run stopped).
 */
export async function runBackups(env: Pick<Env, "DB" | "BACKUPS">, config: Config["backup"]): Promise<BackupTick> {
  const tick: BackupTick = {};
  const now = nowMs();
  let run = await runningRun(env.DB);
  if (!run && config.intervalMs > 0) {
    const last = await latestRun(env.DB);
    if (!last || last.startedAt + config.intervalMs <= now) {
      const slot = Math.floor(now / config.intervalMs) * config.intervalMs;
      tick.started = `bk_${slot}`;
      await startRun(env.DB, tick.started, now);
      run = await runningRun(env.DB);
    }
  }
  if (!run) return tick;
  tick.continued = run.id;
  try {
    tick.outcome = await continueRun(env.DB, env.BACKUPS, run.id, config);
  } catch (err) {
    tick.outcome = "failed";
    logEvent("error", "backup_failed", { runId: run.id, error: String(err) });
  }
  return tick;
}

/** Starts a run now (unless one is running): what `POST /api/v1/admin/backups` does. */
export async function requestBackup(env: Pick<Env, "DB">): Promise<string> {
  const running = await runningRun(env.DB);
  if (running) return running.id;
  const now = nowMs();
  const id = `bk_manual_${now}`;
  await startRun(env.DB, id, now, "-manual");
  return id;
}
