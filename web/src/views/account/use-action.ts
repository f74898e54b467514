import { useState } from "preact/hooks";
import { ApiProblem } from "../../api/client";
import { forgetEndedSession } from "./guard";

/**
 * A list's row actions: which row is busy, the last problem, and `act(key, action)` that runs one
 * action, reloads the list after it, and shows the server's problem (forgetting an ended session).
 */
export function useRowAction(reload: () => void) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const act = async (key: string, action: () => Promise<unknown>) => {
    setBusy(key);
    setProblem(null);
    try {
      await action();
      reload();
    } catch (err) {
      const p = err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) });
      forgetEndedSession(p);
      setProblem(p);
    } finally {
      setBusy(null);
    }
  };
  return { busy, problem, act };
}
