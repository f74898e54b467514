import type { ProblemTranslations } from "../types";

/** Thai problem details of two-step sign-in (TOTP), keyed by the English template. */
export const mfa: ProblemTranslations = {
  "Too many wrong two-step codes for this account. Wait a few minutes, then try again.":
    "ใส่รหัสยืนยันสองขั้นตอนผิดหลายครั้งเกินไปสำหรับบัญชีนี้ กรุณารอสักครู่แล้วลองใหม่",
  "That code is not right or was already used. Enter the current 6-digit code from your authenticator app.":
    "รหัสไม่ถูกต้องหรือถูกใช้ไปแล้ว กรุณาใส่รหัส 6 หลักปัจจุบันจากแอปยืนยันตัวตนของคุณ",
  "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, as mfaCode.":
    "บัญชีนี้ใช้การลงชื่อเข้าใช้สองขั้นตอน กรุณาส่งรหัส 6 หลักจากแอปยืนยันตัวตน หรือรหัสกู้คืน ในช่อง mfaCode",
  "Two-step sign-in is already on. Turn it off first to move it to another authenticator.":
    "การลงชื่อเข้าใช้สองขั้นตอนเปิดอยู่แล้ว ปิดก่อนหากต้องการย้ายไปยังแอปยืนยันตัวตนอื่น",
  "Two-step sign-in is not on for this account. Set it up first.": "บัญชีนี้ยังไม่ได้เปิดการลงชื่อเข้าใช้สองขั้นตอน กรุณาตั้งค่าก่อน",
  "Admin work needs two-step sign-in. Turn it on in your account, then try again.":
    "งานผู้ดูแลระบบต้องใช้การลงชื่อเข้าใช้สองขั้นตอน เปิดใช้งานในบัญชีของคุณแล้วลองอีกครั้ง",
};
