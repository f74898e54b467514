import { useRef, useState } from "preact/hooks";
import { type ApiProblem, asProblem } from "../../api/client";

export interface ActionOptions<K extends string> {
  /** Sees each problem before it is shown (the account pages forget a session the server ended). */
  onProblem?: (problem: ApiProblem) => void;
  /**
   * After a success the view moves on (signs in, routes away, shows the next step): it stays busy,
   * so the button stays disabled and nothing is sent twice while it goes. True for every action,
   * or the keys of those that move on.
   */
  keepBusy?: boolean | readonly K[];
}

export interface Action<K extends string> {
  /** True while an action runs. */
  busy: boolean;
  /** Which action runs (the `key` given to `run`), for views with several buttons. */
  running: K | null;
  /** Why the last action failed, in the server's words (problem+json, in the reader's language). */
  problem: ApiProblem | null;
  /**
   * Runs `work` unless an action is already running (a second click then does nothing): busy
   * meanwhile, the problem cleared before and set if it fails. True when `work` succeeded.
   */
  run: (work: () => Promise<unknown>, key?: K) => Promise<boolean>;
  setProblem: (problem: ApiProblem | null) => void;
}

/** The one way a view runs an action from a click or a form: busy flag, problem shown, no double send. */
export function useAction<K extends string = never>(options: ActionOptions<K> = {}): Action<K> {
  const [running, setRunning] = useState<K | "" | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  // State is read as of the last render: a double click lands before it shows busy, the ref does not.
  const started = useRef(false);
  const run = async (work: () => Promise<unknown>, key?: K) => {
    if (started.current) return false;
    started.current = true;
    setRunning(key ?? "");
    setProblem(null);
    let ok = false;
    try {
      await work();
      ok = true;
    } catch (err) {
      const p = asProblem(err);
      options.onProblem?.(p);
      setProblem(p);
    }
    if (!ok || !staysBusy(options.keepBusy, key)) {
      started.current = false;
      setRunning(null);
    }
    return ok;
  };
  return { busy: running !== null, running: running || null, problem, run, setProblem };
}

function staysBusy<K extends string>(keepBusy: ActionOptions<K>["keepBusy"], key: K | undefined): boolean {
  if (keepBusy === undefined || typeof keepBusy === "boolean") return keepBusy === true;
  return key !== undefined && keepBusy.includes(key);
}
