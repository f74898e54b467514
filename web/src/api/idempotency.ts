// One Idempotency-Key per attempt at a write that creates orders or payments (CONTRACT.md
// conventions): the key is made once and kept (sessionStorage, so a reload keeps it too) until the
// attempt succeeds, so a double click, a retry after a timeout or a reload mid-request replays the
// first answer instead of ordering or charging twice. A changed request (another address, another
// method) is another attempt: reusing the key with a different body would be refused (422).

const PREFIX = "tchat.attempt.";
const memory = new Map<string, string>();

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    if (value === null) memory.delete(key);
    else memory.set(key, value);
  }
}

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The key of the attempt at `scope` (e.g. "checkout") for a request described by `fingerprint`
 * (its body, serialized): the same key while the fingerprint stays the same.
 */
export function attemptKey(scope: string, fingerprint: string): string {
  const raw = read(PREFIX + scope);
  if (raw) {
    try {
      const saved = JSON.parse(raw) as { fingerprint: string; key: string };
      if (saved.fingerprint === fingerprint && typeof saved.key === "string") return saved.key;
    } catch {
      // a damaged entry: start a new attempt
    }
  }
  const key = newKey();
  write(PREFIX + scope, JSON.stringify({ fingerprint, key }));
  return key;
}

/** The attempt succeeded: the next request at `scope` is a new attempt with a new key. */
export function finishAttempt(scope: string) {
  write(PREFIX + scope, null);
}
