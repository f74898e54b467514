import { useEffect, useState } from "preact/hooks";
import { getSession, onSessionChange, type StoredSession } from "./session";

/** The current session (or null for a guest), kept up to date as the reader signs in or out. */
export function useSession(): StoredSession | null {
  const [session, setState] = useState(getSession);
  useEffect(() => onSessionChange(() => setState(getSession())), []);
  return session;
}
