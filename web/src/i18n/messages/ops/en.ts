/** English words of the operator console (the "ops.*" block of the catalog): the reference for the other five. */
export const opsEn = {
  "ops.title": "Operator console",
  "ops.sections": "Console sections",
  "ops.notAdmin": "This console is for operators. Ask an administrator to give your account the admin role.",
  "ops.health": "Health",
  "ops.ready": "Ready",
  "ops.notReady": "Not ready",
  "ops.check": "Check",
  "ops.status": "Status",
  "ops.latency": "Latency",
  "ops.ok": "OK",
  "ops.failed": "Failed",
  "ops.ms": "{ms} ms",
  "ops.refresh": "Refresh",
};

export type OpsMessages = Record<keyof typeof opsEn, string>;
