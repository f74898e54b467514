const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * An id with the platform's layout (workers/platform/ids.ts: 10 characters of milliseconds, 16 of
 * Crockford base32) whose second part is a hash of `key` instead of random: the same key and time
 * always give the same id, so a retried step writes the same rows again (and conflicts) instead of
 * new ones. Still time-sortable.
 */
export async function stableId(prefix: string, timeMs: number, key: string): Promise<string> {
  let time = "";
  let t = Math.max(0, Math.floor(timeMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  let hash = "";
  for (let i = 0; i < 16; i++) hash += CROCKFORD[digest[i] % 32];
  return `${prefix}_${time}${hash}`;
}
