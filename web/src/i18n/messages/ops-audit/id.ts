import type { OpsAuditMessages } from "./en";

export const opsAuditId: OpsAuditMessages = {
  "ops.audit.title": "Log audit",
  "ops.audit.type": "Jenis",
  "ops.audit.allTypes": "Semua jenis",
  "ops.audit.when": "Waktu",
  "ops.audit.user": "Pengguna",
  "ops.audit.actor": "Pelaku",
  "ops.audit.chain": "Rantai hash",
  "ops.audit.verify": "Verifikasi lagi",
  "ops.audit.valid": "Valid",
  "ops.audit.broken": "Rusak di {id}",
  "ops.audit.checked": "{count} baris diperiksa",
  "ops.audit.empty": "Tidak ada peristiwa.",
  "ops.audit.more": "Muat lebih banyak",
};
