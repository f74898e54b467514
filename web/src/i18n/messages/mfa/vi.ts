import type { MfaMessages } from "./en";

export const mfaVi: MfaMessages = {
  "mfa.title": "Đăng nhập hai bước",
  "mfa.intro": "Bảo vệ tài khoản bằng mã từ ứng dụng xác thực ngoài mật khẩu.",
  "mfa.isOn": "Đăng nhập hai bước đang bật.",
  "mfa.isOff": "Đăng nhập hai bước đang tắt.",
  "mfa.setUp": "Thiết lập đăng nhập hai bước",
  "mfa.scan": "Quét mã QR này bằng ứng dụng xác thực, hoặc nhập khóa, rồi nhập mã 6 chữ số mà ứng dụng hiển thị.",
  "mfa.qrLabel": "Mã QR cho ứng dụng xác thực",
  "mfa.secret": "Khóa",
  "mfa.code": "Mã từ ứng dụng",
  "mfa.enable": "Bật",
  "mfa.disable": "Tắt",
  "mfa.disableHint": "Nhập mã từ ứng dụng, hoặc một mã khôi phục, để tắt hoặc lấy mã khôi phục mới.",
  "mfa.recoveryTitle": "Mã khôi phục",
  "mfa.recoveryHint":
    "Hãy cất các mã này ở nơi an toàn: mỗi mã dùng để đăng nhập một lần nếu bạn mất điện thoại. Mã chỉ hiển thị lúc này.",
  "mfa.codesLeft": "Còn {count} mã khôi phục",
  "mfa.newCodes": "Mã khôi phục mới",
  "mfa.done": "Tôi đã lưu",
  "mfa.signinPrompt": "Nhập mã 6 chữ số từ ứng dụng xác thực, hoặc một mã khôi phục.",
  "mfa.verify": "Xác minh",
};
