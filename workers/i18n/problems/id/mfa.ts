import type { ProblemTranslations } from "../types";

/** Indonesian problem details of two-step sign-in (TOTP), keyed by the English template. */
export const mfa: ProblemTranslations = {
  "Too many wrong two-step codes for this account. Wait a few minutes, then try again.":
    "Terlalu banyak kode verifikasi dua langkah yang salah untuk akun ini. Tunggu beberapa menit, lalu coba lagi.",
  "That code is not right or was already used. Enter the current 6-digit code from your authenticator app.":
    "Kode itu salah atau sudah digunakan. Masukkan kode 6 digit saat ini dari aplikasi autentikator Anda.",
  "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, as mfaCode.":
    "Akun ini menggunakan masuk dua langkah. Kirim kode 6 digit dari aplikasi autentikator Anda, atau kode pemulihan, sebagai mfaCode.",
  "Two-step sign-in is already on. Turn it off first to move it to another authenticator.":
    "Masuk dua langkah sudah aktif. Matikan dulu untuk memindahkannya ke autentikator lain.",
  "Two-step sign-in is not on for this account. Set it up first.":
    "Masuk dua langkah belum aktif untuk akun ini. Siapkan terlebih dahulu.",
  "Admin work needs two-step sign-in. Turn it on in your account, then try again.":
    "Pekerjaan admin memerlukan masuk dua langkah. Aktifkan di akun Anda, lalu coba lagi.",
};
