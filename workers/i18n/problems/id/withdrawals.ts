import type { ProblemTranslations } from "../types";

/** Indonesian problem details of withdrawals and disbursements, keyed by the English template. */
export const withdrawals: ProblemTranslations = {
  "A bank account number in {0} has {1} to {2} digits. Check the number.":
    "Nomor rekening bank di {0} terdiri dari {1} sampai {2} digit. Periksa nomornya.",
  "The webhook's signature does not verify.": "Tanda tangan webhook tidak valid.",
  "There is no disbursement with this id among yours.": "Tidak ada pencairan dengan id ini di antara milik Anda.",
  "There is no sandbox disbursement with this id.": "Tidak ada pencairan sandbox dengan id ini.",
  "This Idempotency-Key already started a withdrawal of another amount or to another account. Use a new key for a new withdrawal.":
    "Idempotency-Key ini sudah memulai penarikan dengan jumlah lain atau ke rekening lain. Gunakan kunci baru untuk penarikan baru.",
  "Unknown bank for {0}. Use one of {1}.": "Bank tidak dikenal untuk {0}. Gunakan salah satu dari {1}.",
  "Withdrawals in {0} are not available here. Use {1}.": "Penarikan dalam {0} tidak tersedia di sini. Gunakan {1}.",
  "Withdrawals to a bank are available in {0}. Choose one of those wallets.":
    "Penarikan ke bank tersedia dalam {0}. Pilih salah satu dompet tersebut.",
  "Write the account holder's name as the bank has it.": "Tulis nama pemilik rekening sesuai data bank.",
  "Your wallet is restricted: it can receive money but not send or withdraw it. Contact support to lift the restriction.":
    "Dompet Anda dibatasi: dapat menerima uang tetapi tidak dapat mengirim atau menariknya. Hubungi dukungan untuk mencabut pembatasan.",
};
