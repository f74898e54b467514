import { useAction } from "../common/use-action";
import { forgetEndedSession } from "./guard";

/**
 * A list's row actions: which row is busy (null when none), the last problem, and `act(key, action)`
 * that runs one action through `useAction`, reloads the list after it, and forgets an ended session.
 */
export function useRowAction(reload: () => void) {
  const { running, problem, run } = useAction<string>({ onProblem: forgetEndedSession });
  const act = (key: string, action: () => Promise<unknown>) =>
    run(async () => {
      await action();
      reload();
    }, key);
  return { busy: running, problem, act };
}
