// The CPU of the workerd processes this Node process started (Miniflare's), read from /proc, and
// `settle()`: wait until they are idle. A scenario leaves work behind it (outbox drains, queue
// consumers, new objects' files, a chat room's queued frames) that runs for seconds after its load
// stops; the ceiling measured on top of that work reads low and the next row's fraction high
// (a 5,064 → 2,088 req/s swing within one quiet run), so the bench settles before each ceiling.
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

let workerdPids = null;

/** CPU ms (user + system) of the workerd processes this Node process started, or null off Linux. */
export function workerdCpuMs() {
  try {
    workerdPids ??= readdirSync("/proc").filter((entry) => {
      if (!/^\d+$/.test(entry)) return false;
      const stat = procStat(entry);
      return stat?.comm === "workerd" && stat.ppid === process.pid;
    });
    if (workerdPids.length === 0) {
      workerdPids = null; // not started yet: look again next time
      return null;
    }
    // utime and stime are in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    return workerdPids.reduce((sum, pid) => sum + (procStat(pid)?.ticks ?? 0), 0) * 10;
  } catch {
    return null;
  }
}

function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    // After "pid (comm) ": state, ppid, … utime (field 14), stime (15).
    const fields = stat.slice(close + 2).split(" ");
    return {
      comm: stat.slice(stat.indexOf("(") + 1, close),
      ppid: Number(fields[1]),
      ticks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null;
  }
}

/** Idle: workerd used under this share of one core over a whole second. */
const IDLE_SHARE = 0.05;

/**
 * Waits until workerd has been idle for one second, at most `maxSeconds`:
 * { seconds: waited, settled: idle reached, busyShare: workerd's share of a core in the last second }.
 * Without /proc (not Linux) it returns at once with settled: null.
 */
export async function settle(maxSeconds = 30) {
  const started = performance.now();
  let last = workerdCpuMs();
  if (last === null) return { seconds: 0, settled: null, busyShare: null };
  for (;;) {
    const windowStart = performance.now();
    await sleep(1000);
    const now = workerdCpuMs();
    const busyShare = (now - last) / (performance.now() - windowStart);
    last = now;
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    if (busyShare < IDLE_SHARE) return { seconds, settled: true, busyShare: Math.round(busyShare * 1000) / 1000 };
    if (seconds >= maxSeconds) return { seconds, settled: false, busyShare: Math.round(busyShare * 1000) / 1000 };
  }
}
