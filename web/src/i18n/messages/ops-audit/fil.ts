import type { OpsAuditMessages } from "./en";

export const opsAuditFil: OpsAuditMessages = {
  "ops.audit.title": "Talaan ng audit",
  "ops.audit.type": "Uri",
  "ops.audit.allTypes": "Lahat ng uri",
  "ops.audit.when": "Kailan",
  "ops.audit.user": "Gumagamit",
  "ops.audit.actor": "Gumawa",
  "ops.audit.chain": "Kadena ng hash",
  "ops.audit.verify": "I-verify muli",
  "ops.audit.valid": "Wasto",
  "ops.audit.broken": "Sira sa {id}",
  "ops.audit.checked": "{count} row ang nasuri",
  "ops.audit.empty": "Walang event.",
  "ops.audit.more": "Mag-load pa",
};
