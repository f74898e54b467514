/** English words of the console audit log page: the reference for the other five. */
export const opsAuditEn = {
  "ops.audit.title": "Audit log",
  "ops.audit.type": "Type",
  "ops.audit.allTypes": "All types",
  "ops.audit.when": "When",
  "ops.audit.user": "User",
  "ops.audit.actor": "Actor",
  "ops.audit.chain": "Hash chain",
  "ops.audit.verify": "Verify again",
  "ops.audit.valid": "Valid",
  "ops.audit.broken": "Broken at {id}",
  "ops.audit.checked": "{count} rows checked",
  "ops.audit.empty": "No events.",
  "ops.audit.more": "Load more",
};

export type OpsAuditMessages = Record<keyof typeof opsAuditEn, string>;
