import type { OpsAuditMessages } from "./en";

export const opsAuditTh: OpsAuditMessages = {
  "ops.audit.title": "บันทึกการตรวจสอบ",
  "ops.audit.type": "ประเภท",
  "ops.audit.allTypes": "ทุกประเภท",
  "ops.audit.when": "เวลา",
  "ops.audit.user": "ผู้ใช้",
  "ops.audit.actor": "ผู้กระทำ",
  "ops.audit.chain": "ห่วงโซ่แฮช",
  "ops.audit.verify": "ตรวจสอบอีกครั้ง",
  "ops.audit.valid": "ถูกต้อง",
  "ops.audit.broken": "เสียหายที่ {id}",
  "ops.audit.checked": "ตรวจสอบแล้ว {count} แถว",
  "ops.audit.empty": "ไม่มีเหตุการณ์",
  "ops.audit.more": "โหลดเพิ่ม",
};
