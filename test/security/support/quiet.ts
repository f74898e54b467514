import { afterEach, beforeEach, vi } from "vitest";

/**
 * Silences the Worker's log lines in a test file whose requests are refused on purpose (each
 * refused webhook or failed gateway call logs a warning or an error, by design); the assertions
 * check the answers and the state instead.
 */
export function quietWorkerLogs(): void {
  beforeEach(() => {
    for (const level of ["log", "info", "warn", "error"] as const)
      vi.spyOn(console, level).mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}
