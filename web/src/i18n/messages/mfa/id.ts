import type { MfaMessages } from "./en";

export const mfaId: MfaMessages = {
  "mfa.title": "Masuk dua langkah",
  "mfa.intro": "Lindungi akun Anda dengan kode dari aplikasi autentikator selain kata sandi.",
  "mfa.isOn": "Masuk dua langkah aktif.",
  "mfa.isOff": "Masuk dua langkah tidak aktif.",
  "mfa.setUp": "Siapkan masuk dua langkah",
  "mfa.scan":
    "Pindai kode QR ini dengan aplikasi autentikator Anda, atau ketik kuncinya, lalu masukkan kode 6 digit yang ditampilkannya.",
  "mfa.qrLabel": "Kode QR untuk aplikasi autentikator Anda",
  "mfa.secret": "Kunci",
  "mfa.code": "Kode dari aplikasi",
  "mfa.enable": "Aktifkan",
  "mfa.disable": "Nonaktifkan",
  "mfa.disableHint":
    "Masukkan kode dari aplikasi, atau kode pemulihan, untuk menonaktifkan atau mendapatkan kode pemulihan baru.",
  "mfa.recoveryTitle": "Kode pemulihan",
  "mfa.recoveryHint":
    "Simpan kode-kode ini di tempat aman: masing-masing bisa dipakai sekali untuk masuk jika ponsel Anda hilang. Kode hanya ditampilkan sekarang.",
  "mfa.codesLeft": "Sisa {count} kode pemulihan",
  "mfa.newCodes": "Kode pemulihan baru",
  "mfa.done": "Sudah saya simpan",
  "mfa.signinPrompt": "Masukkan kode 6 digit dari aplikasi autentikator Anda, atau kode pemulihan.",
  "mfa.verify": "Verifikasi",
};
