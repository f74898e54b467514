import type { OpsMessages } from "./en";

/** Malay words of the operator console (the "ops.*" block of the catalog). */
export const opsMs: OpsMessages = {
  "ops.title": "Konsol pengendali",
  "ops.sections": "Bahagian konsol",
  "ops.notAdmin": "Konsol ini untuk pengendali. Minta pentadbir memberi akaun anda peranan admin.",
  "ops.health": "Kesihatan",
  "ops.ready": "Sedia",
  "ops.notReady": "Belum sedia",
  "ops.check": "Semakan",
  "ops.status": "Status",
  "ops.latency": "Kependaman",
  "ops.ok": "OK",
  "ops.failed": "Gagal",
  "ops.ms": "{ms} ms",
  "ops.refresh": "Muat semula",
};
