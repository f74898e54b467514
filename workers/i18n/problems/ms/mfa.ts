import type { ProblemTranslations } from "../types";

/** Malay problem details of two-step sign-in (TOTP), keyed by the English template. */
export const mfa: ProblemTranslations = {
  "Too many wrong two-step codes for this account. Wait a few minutes, then try again.":
    "Terlalu banyak kod dua langkah yang salah untuk akaun ini. Tunggu beberapa minit, kemudian cuba lagi.",
  "That code is not right or was already used. Enter the current 6-digit code from your authenticator app.":
    "Kod itu tidak betul atau sudah digunakan. Masukkan kod 6 digit semasa daripada aplikasi pengesah anda.",
  "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, as mfaCode.":
    "Akaun ini menggunakan log masuk dua langkah. Hantar kod 6 digit daripada aplikasi pengesah anda, atau kod pemulihan, sebagai mfaCode.",
  "Two-step sign-in is already on. Turn it off first to move it to another authenticator.":
    "Log masuk dua langkah sudah dihidupkan. Matikannya dahulu untuk memindahkannya ke pengesah lain.",
  "Two-step sign-in is not on for this account. Set it up first.":
    "Log masuk dua langkah belum dihidupkan untuk akaun ini. Sediakannya dahulu.",
  "Admin work needs two-step sign-in. Turn it on in your account, then try again.":
    "Kerja pentadbir memerlukan log masuk dua langkah. Hidupkannya dalam akaun anda, kemudian cuba lagi.",
};
