import type { MfaMessages } from "./en";

export const mfaMs: MfaMessages = {
  "mfa.title": "Log masuk dua langkah",
  "mfa.intro": "Lindungi akaun anda dengan kod daripada aplikasi pengesah selain kata laluan.",
  "mfa.isOn": "Log masuk dua langkah dihidupkan.",
  "mfa.isOff": "Log masuk dua langkah dimatikan.",
  "mfa.setUp": "Sediakan log masuk dua langkah",
  "mfa.scan":
    "Imbas kod QR ini dengan aplikasi pengesah anda, atau taip kuncinya, kemudian masukkan kod 6 digit yang dipaparkan.",
  "mfa.qrLabel": "Kod QR untuk aplikasi pengesah anda",
  "mfa.secret": "Kunci",
  "mfa.code": "Kod daripada aplikasi",
  "mfa.enable": "Hidupkan",
  "mfa.disable": "Matikan",
  "mfa.disableHint":
    "Masukkan kod daripada aplikasi, atau kod pemulihan, untuk mematikannya atau mendapatkan kod pemulihan baharu.",
  "mfa.recoveryTitle": "Kod pemulihan",
  "mfa.recoveryHint":
    "Simpan kod ini di tempat yang selamat: setiap satu boleh digunakan sekali untuk log masuk jika telefon anda hilang. Kod hanya dipaparkan sekarang.",
  "mfa.codesLeft": "Tinggal {count} kod pemulihan",
  "mfa.newCodes": "Kod pemulihan baharu",
  "mfa.done": "Saya sudah menyimpannya",
  "mfa.signinPrompt": "Masukkan kod 6 digit daripada aplikasi pengesah anda, atau kod pemulihan.",
  "mfa.verify": "Sahkan",
};
