// Runs the Worker's cron triggers locally on their schedule. `wrangler dev` never fires crons by
// itself; with `--test-scheduled` it exposes /__scheduled?cron=..., which runs the scheduled
// handler as Cloudflare would. The ticker calls it at the start of every minute for each cron of
// wrangler.toml's [triggers] that matches that minute (UTC, as Cloudflare runs them), so outbox
// drains, unpaid-order expiry and event reconciliation happen locally as in production.

/** The cron expressions of wrangler.toml's top-level [triggers] table. */
export function readCrons(tomlText) {
  const section = /^\[triggers\][^\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(tomlText);
  const list = section && /^\s*crons\s*=\s*\[([^\]]*)\]/m.exec(section[1]);
  if (!list) return [];
  return [...list[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
}

const FIELDS = [
  { of: (d) => d.getUTCMinutes(), min: 0, max: 59 },
  { of: (d) => d.getUTCHours(), min: 0, max: 23 },
  { of: (d) => d.getUTCDate(), min: 1, max: 31 },
  { of: (d) => d.getUTCMonth() + 1, min: 1, max: 12 },
  { min: 0, max: 7 },
];

/** Whether one field ("*", "5", "1-5", "*\/15", "5/15", "0,30", "10-50/10") allows `value`. */
function fieldAllows(field, value, { min, max }) {
  return field.split(",").some((part) => {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = min;
    let to = max;
    if (range.includes("-")) [from, to] = range.split("-").map(Number);
    else if (range !== "*") {
      from = Number(range);
      to = stepText === undefined ? from : max;
    }
    if (![from, to, step].every(Number.isInteger) || step < 1) throw new Error(`unsupported cron field "${field}"`);
    return value >= from && value <= to && (value - from) % step === 0;
  });
}

/**
 * Whether a five-field cron expression fires in the minute of `date` (UTC). Supports numbers,
 * ranges, lists and steps; names and L/W/# (which Cloudflare also accepts) throw.
 */
export function cronMatches(expression, date) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`unsupported cron expression "${expression}"`);
  // Every field is read (an unsupported one throws whatever the date), then combined.
  const [minute, hour, dom, month] = fields
    .slice(0, 4)
    .map((field, i) => fieldAllows(field, FIELDS[i].of(date), FIELDS[i]));
  const day = date.getUTCDay();
  const dow = fieldAllows(fields[4], day, FIELDS[4]) || (day === 0 && fieldAllows(fields[4], 7, FIELDS[4]));
  if (!minute || !hour || !month) return false;
  // Standard cron: when both day fields are restricted, either one matching is enough.
  const domAll = fields[2] === "*";
  const dowAll = fields[4] === "*";
  return domAll || dowAll ? dom && dow : dom || dow;
}

/**
 * Calls `${base}/__scheduled?cron=...` for every cron matching each minute, at the start of the
 * minute, and once for all of them when started (catching up on work left by a previous run).
 * Each run is reported through `onRun`; a failed call (server restarting) through `onError`, and
 * the next minute tries again.
 */
export function startCronTicker({
  base,
  crons,
  fetch = globalThis.fetch,
  now = () => new Date(),
  onRun = () => {},
  onError = () => {},
}) {
  let timer;
  let stopped = false;
  const fire = async (cron) => {
    try {
      const res = await fetch(`${base}/__scheduled?cron=${encodeURIComponent(cron)}`);
      await res.text();
      if (res.ok) onRun(cron);
      else onError(new Error(`cron "${cron}" answered ${res.status}`));
    } catch (err) {
      onError(err);
    }
  };
  const tick = (date) => Promise.all(crons.filter((cron) => cronMatches(cron, date)).map(fire));
  const scheduleNext = () => {
    if (stopped) return;
    const current = now();
    const msToNextMinute = 60_000 - (current.getTime() % 60_000);
    timer = setTimeout(() => {
      // The minute that just started, whatever the timer's drift.
      const minute = new Date(Math.round(now().getTime() / 60_000) * 60_000);
      tick(minute).finally(scheduleNext);
    }, msToNextMinute);
  };
  const started = Promise.all(crons.map(fire)).finally(scheduleNext);
  return {
    started,
    tick,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
