import type { MessageKey } from "../../i18n/messages";

/**
 * The operator console's sections, one per line: each is a page at /ops/<path> ("" is /ops itself),
 * linked from the console's navigation. Add a section with one line (and its label in messages/ops/).
 */
export const OPS_SECTIONS: { path: string; labelKey: MessageKey }[] = [
  { path: "", labelKey: "ops.health" },
  { path: "audit", labelKey: "ops.audit.title" },
  { path: "users", labelKey: "opsAdmin.users" },
  { path: "dead-letters", labelKey: "opsAdmin.deadLetters" },
  { path: "metrics", labelKey: "opsMetrics.metrics" },
  { path: "alerts", labelKey: "opsMetrics.alerts" },
  { path: "payments", labelKey: "opsPay.payments" },
  { path: "verifications", labelKey: "opsPay.verifications" },
  { path: "remittances", labelKey: "opsCod.remittances" },
];
