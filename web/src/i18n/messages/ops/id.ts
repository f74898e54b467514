import type { OpsMessages } from "./en";

/** Indonesian words of the operator console (the "ops.*" block of the catalog). */
export const opsId: OpsMessages = {
  "ops.title": "Konsol operator",
  "ops.sections": "Bagian konsol",
  "ops.notAdmin": "Konsol ini untuk operator. Minta administrator memberi akun Anda peran admin.",
  "ops.health": "Kesehatan",
  "ops.ready": "Siap",
  "ops.notReady": "Belum siap",
  "ops.check": "Pemeriksaan",
  "ops.status": "Status",
  "ops.latency": "Latensi",
  "ops.ok": "OK",
  "ops.failed": "Gagal",
  "ops.ms": "{ms} md",
  "ops.refresh": "Muat ulang",
};
