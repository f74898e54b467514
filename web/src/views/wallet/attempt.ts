import { ApiProblem } from "../../api/client";
import { attemptKey, finishAttempt } from "../../api/idempotency";

/**
 * One money-moving write per attempt (CONTRACT.md: Idempotency-Key): the key stays the same while
 * the request does, so a double click or a retry after a timeout replays the first answer instead
 * of moving money twice. A refusal (insufficient funds, a limit, an unknown recipient) is the
 * server's final answer for that key, so the next try is a new attempt; a network failure, a rate
 * limit or a server error keeps the key for the retry.
 */
export async function writeOnce<T>(scope: string, body: unknown, write: (key: string) => Promise<T>): Promise<T> {
  const key = attemptKey(scope, JSON.stringify(body));
  try {
    const answer = await write(key);
    finishAttempt(scope);
    return answer;
  } catch (err) {
    const problem = err instanceof ApiProblem ? err : new ApiProblem({ status: 0, detail: String(err) });
    if (isFinalRefusal(problem)) finishAttempt(scope);
    throw problem;
  }
}

/** A 4xx other than 429: the server said no to this request, and would say it again. */
export function isFinalRefusal(problem: ApiProblem): boolean {
  return problem.status >= 400 && problem.status < 500 && problem.status !== 429;
}
