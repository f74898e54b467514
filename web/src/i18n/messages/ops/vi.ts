import type { OpsMessages } from "./en";

/** Vietnamese words of the operator console (the "ops.*" block of the catalog). */
export const opsVi: OpsMessages = {
  "ops.title": "Bảng điều khiển vận hành",
  "ops.sections": "Các mục của bảng điều khiển",
  "ops.notAdmin":
    "Bảng điều khiển này dành cho người vận hành. Hãy nhờ quản trị viên cấp vai trò admin cho tài khoản của bạn.",
  "ops.health": "Tình trạng",
  "ops.ready": "Sẵn sàng",
  "ops.notReady": "Chưa sẵn sàng",
  "ops.check": "Kiểm tra",
  "ops.status": "Trạng thái",
  "ops.latency": "Độ trễ",
  "ops.ok": "Bình thường",
  "ops.failed": "Lỗi",
  "ops.ms": "{ms} ms",
  "ops.refresh": "Làm mới",
};
