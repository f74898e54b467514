/**
 * The one retry backoff: exponential from `baseMs` (doubling per attempt), capped at `maxMs`, with
 * jitter so that many retries started together do not come back together. "full" jitter picks
 * uniformly in [0, ceiling] (the spread that empties a backlog fastest); "equal" in
 * [ceiling / 2, ceiling] (never retries almost at once).
 */
export function backoffMs(
  attempt: number,
  options: { baseMs?: number; maxMs?: number; jitter?: "full" | "equal"; random?: () => number } = {},
): number {
  const { baseMs = 1000, maxMs = 600_000, jitter = "full", random = Math.random } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  // Floors keep every delay below the ceiling (random() < 1), so a delay never exceeds its cap.
  const half = Math.floor(ceiling / 2);
  return jitter === "full" ? Math.floor(random() * ceiling) : ceiling - half + Math.floor(random() * half);
}
