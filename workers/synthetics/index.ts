export type { CheckName, CheckOutcome, SelfFetch } from "./checks";
export { syntheticsRouter } from "./routes";
export { type LatestSyntheticResult, latestSyntheticResults, runSyntheticChecks, type SyntheticRun } from "./run";

/**
 * Synthetic checks: the cron runs the main flows against the Worker itself (its own fetch handler,
 * not the network) and keeps the latest result per check for operators and alert rules.
 */
