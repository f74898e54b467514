import { currentRequestId } from "./request-context";

/**
 * Structured logs: one JSON object per line, which Workers Logs indexes field by field. A line
 * written while handling a request (or an event it caused) carries that request's id.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

export function logEvent(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  const requestId = currentRequestId();
  const line = JSON.stringify({
    level,
    msg,
    time: new Date().toISOString(),
    ...(requestId ? { requestId } : {}),
    ...fields,
  });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
