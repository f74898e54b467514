import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of two-step sign-in (TOTP), keyed by the English template. */
export const mfa: ProblemTranslations = {
  "Too many wrong two-step codes for this account. Wait a few minutes, then try again.":
    "Đã nhập sai mã xác minh hai bước quá nhiều lần cho tài khoản này. Vui lòng đợi vài phút rồi thử lại.",
  "That code is not right or was already used. Enter the current 6-digit code from your authenticator app.":
    "Mã không đúng hoặc đã được dùng. Hãy nhập mã 6 chữ số hiện tại từ ứng dụng xác thực của bạn.",
  "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, as mfaCode.":
    "Tài khoản này dùng đăng nhập hai bước. Hãy gửi mã 6 chữ số từ ứng dụng xác thực, hoặc một mã khôi phục, trong mfaCode.",
  "Two-step sign-in is already on. Turn it off first to move it to another authenticator.":
    "Đăng nhập hai bước đã được bật. Hãy tắt trước để chuyển sang ứng dụng xác thực khác.",
  "Two-step sign-in is not on for this account. Set it up first.":
    "Tài khoản này chưa bật đăng nhập hai bước. Hãy thiết lập trước.",
  "Admin work needs two-step sign-in. Turn it on in your account, then try again.":
    "Công việc quản trị cần đăng nhập hai bước. Hãy bật trong tài khoản của bạn rồi thử lại.",
};
