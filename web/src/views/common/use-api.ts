import { useCallback, useEffect, useState } from "preact/hooks";
import { type ApiProblem, asProblem } from "../../api/client";
import { useAction } from "./use-action";

export type Loadable<T> = { state: "loading" } | { state: "error"; problem: ApiProblem } | { state: "ready"; data: T };

/**
 * Loads `fetcher` when the component mounts and again whenever `deps` change (the language among
 * them, so names come back translated); `reload` retries after an error. A late answer to an old
 * request is dropped, so a quick language switch never shows the previous language's result.
 */
export function useApi<T>(fetcher: () => Promise<T>, deps: readonly unknown[]): [Loadable<T>, () => void] {
  const [value, setValue] = useState<Loadable<T>>({ state: "loading" });
  const [attempt, setAttempt] = useState(0);
  // The caller's deps (not `fetcher`, a new closure each render) decide when to load again.
  useEffect(() => {
    let current = true;
    setValue({ state: "loading" });
    fetcher().then(
      (data) => current && setValue({ state: "ready", data }),
      (err: unknown) =>
        current &&
        setValue({
          state: "error",
          problem: asProblem(err),
        }),
    );
    return () => {
      current = false;
    };
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [value, reload];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  first: Loadable<Page<T>>;
  /** The first page's items, then every page "More" appended. */
  items: T[];
  /** The cursor of the next page; null when the last one is shown. */
  cursor: string | null;
  loadMore: () => Promise<void>;
  loadingMore: boolean;
  /** Why the last "More" failed (the pages already shown stay). */
  problem: ApiProblem | null;
  /** Starts again from the first page (after a change to what the list shows). */
  reload: () => void;
}

/**
 * A cursor-paged list: the first page loads as `useApi` loads (again when `deps` change), later
 * pages are appended by `loadMore`; a reload or new deps start again from the first page.
 */
export function usePagedApi<T>(
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  deps: readonly unknown[],
): PagedList<T> {
  const [first, reloadFirst] = useApi(() => fetchPage(), deps);
  const [more, setMore] = useState<Page<T> | null>(null);
  // A second click on "More" while a page loads does nothing: the page is appended once.
  const { busy: loadingMore, problem, run } = useAction();
  // Pages appended to an earlier first page do not belong after a new one.
  useEffect(() => setMore(null), deps);
  const ready = first.state === "ready" ? first.data : null;
  const items = [...(ready?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.nextCursor : (ready?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    await run(async () => {
      const page = await fetchPage(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    });
  };
  const reload = () => {
    setMore(null);
    reloadFirst();
  };
  return { first, items, cursor, loadMore, loadingMore, problem, reload };
}
