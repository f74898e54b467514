import type { OpsAuditMessages } from "./en";

export const opsAuditMs: OpsAuditMessages = {
  "ops.audit.title": "Log audit",
  "ops.audit.type": "Jenis",
  "ops.audit.allTypes": "Semua jenis",
  "ops.audit.when": "Masa",
  "ops.audit.user": "Pengguna",
  "ops.audit.actor": "Pelaku",
  "ops.audit.chain": "Rantaian cincang",
  "ops.audit.verify": "Sahkan semula",
  "ops.audit.valid": "Sah",
  "ops.audit.broken": "Rosak di {id}",
  "ops.audit.checked": "{count} baris disemak",
  "ops.audit.empty": "Tiada peristiwa.",
  "ops.audit.more": "Muat lagi",
};
