import { useEffect } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ApiProblem } from "../../api/client";
import { type StoredSession, setSession } from "../../api/session";
import { useSession } from "../../api/use-session";

/**
 * The session of a page for signed-in readers; a guest is sent to /signin and brought back after.
 * `stay` keeps a page that has just ended the session itself (a deleted account shows its answer).
 */
export function useRequiredSession(stay = false): StoredSession | null {
  const session = useSession();
  const { path, url, route } = useLocation();
  useEffect(() => {
    if (!session && !stay) route(`/signin?next=${encodeURIComponent(url || path)}`, true);
  }, [session, stay]);
  return session;
}

/** A 401 means the session ended elsewhere (signed out of other sessions, account closed): forget it here. */
export function forgetEndedSession(problem: ApiProblem) {
  if (problem.status === 401) setSession(null);
}
