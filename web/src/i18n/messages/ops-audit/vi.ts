import type { OpsAuditMessages } from "./en";

export const opsAuditVi: OpsAuditMessages = {
  "ops.audit.title": "Nhật ký kiểm toán",
  "ops.audit.type": "Loại",
  "ops.audit.allTypes": "Tất cả các loại",
  "ops.audit.when": "Thời điểm",
  "ops.audit.user": "Người dùng",
  "ops.audit.actor": "Người thực hiện",
  "ops.audit.chain": "Chuỗi băm",
  "ops.audit.verify": "Kiểm tra lại",
  "ops.audit.valid": "Hợp lệ",
  "ops.audit.broken": "Hỏng tại {id}",
  "ops.audit.checked": "Đã kiểm tra {count} dòng",
  "ops.audit.empty": "Không có sự kiện.",
  "ops.audit.more": "Tải thêm",
};
