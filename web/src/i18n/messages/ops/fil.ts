import type { OpsMessages } from "./en";

/** Filipino words of the operator console (the "ops.*" block of the catalog). */
export const opsFil: OpsMessages = {
  "ops.title": "Console ng operator",
  "ops.sections": "Mga bahagi ng console",
  "ops.notAdmin":
    "Para sa mga operator ang console na ito. Hilingin sa isang administrator na bigyan ng admin na tungkulin ang iyong account.",
  "ops.health": "Kalusugan",
  "ops.ready": "Handa",
  "ops.notReady": "Hindi pa handa",
  "ops.check": "Pagsusuri",
  "ops.status": "Katayuan",
  "ops.latency": "Latency",
  "ops.ok": "OK",
  "ops.failed": "Nabigo",
  "ops.ms": "{ms} ms",
  "ops.refresh": "I-refresh",
};
