import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiProblem } from "../../api/client";

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
          problem: err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) }),
        }),
    );
    return () => {
      current = false;
    };
  }, [...deps, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return [value, reload];
}
