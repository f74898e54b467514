import type { OpsMessages } from "./en";

/** Thai words of the operator console (the "ops.*" block of the catalog). */
export const opsTh: OpsMessages = {
  "ops.title": "คอนโซลผู้ดูแลระบบ",
  "ops.sections": "ส่วนของคอนโซล",
  "ops.notAdmin": "คอนโซลนี้สำหรับผู้ดูแลระบบ โปรดขอให้ผู้ดูแลมอบบทบาทแอดมินให้บัญชีของคุณ",
  "ops.health": "สถานะระบบ",
  "ops.ready": "พร้อมใช้งาน",
  "ops.notReady": "ยังไม่พร้อม",
  "ops.check": "การตรวจสอบ",
  "ops.status": "สถานะ",
  "ops.latency": "เวลาแฝง",
  "ops.ok": "ปกติ",
  "ops.failed": "ล้มเหลว",
  "ops.ms": "{ms} มิลลิวินาที",
  "ops.refresh": "รีเฟรช",
};
