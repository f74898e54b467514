import type { Result, Router } from "hono/router";
import { TrieRouter } from "hono/router/trie-router";

/** Paths longer than this are matched without being remembered (no unbounded keys). */
const MAX_PATH_CHARS = 256;
/** Distinct method+path pairs remembered; the memo starts afresh when it is full. */
const MAX_ENTRIES = 2_000;

/**
 * Hono's TrieRouter with each (method, path)'s match remembered in the isolate. The app's routes
 * are fixed once built and a match depends on nothing else, so a remembered match is exactly what
 * the trie would find again; the trie walk (and the handler-set merge for the global middleware)
 * was ~10 % of `GET /health`'s CPU (docs/performance.md). TrieRouter, not Hono's default
 * RegExpRouter: that one refuses our routes (a parameter beside static segments at the same place,
 * e.g. /users/me/addresses/:id and /users/:id/presence), so SmartRouter fell back to the trie anyway.
 * Hono only reads a match (params are decoded into new objects per request), so sharing one is safe.
 */
export class MemoRouter<T> implements Router<T> {
  readonly name = "MemoRouter";
  readonly #trie = new TrieRouter<T>();
  #memo = new Map<string, Result<T>>();

  add(method: string, path: string, handler: T): void {
    this.#trie.add(method, path, handler);
    // A route added after a match (never, once the app is built) must not be hidden by the memo.
    if (this.#memo.size > 0) this.#memo = new Map();
  }

  match(method: string, path: string): Result<T> {
    if (path.length > MAX_PATH_CHARS) return this.#trie.match(method, path);
    const key = `${method} ${path}`;
    let result = this.#memo.get(key);
    if (!result) {
      result = this.#trie.match(method, path);
      if (this.#memo.size >= MAX_ENTRIES) this.#memo = new Map();
      this.#memo.set(key, result);
    }
    return result;
  }
}
