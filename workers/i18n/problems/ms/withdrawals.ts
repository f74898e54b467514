import type { ProblemTranslations } from "../types";

/** Malay problem details of withdrawals and disbursements, keyed by the English template. */
export const withdrawals: ProblemTranslations = {
  "A bank account number in {0} has {1} to {2} digits. Check the number.":
    "Nombor akaun bank di {0} mempunyai {1} hingga {2} digit. Semak nombor itu.",
  "The webhook's signature does not verify.": "Tandatangan webhook tidak sah.",
  "There is no disbursement with this id among yours.": "Tiada pembayaran keluar dengan id ini dalam senarai anda.",
  "There is no sandbox disbursement with this id.": "Tiada pembayaran keluar sandbox dengan id ini.",
  "This Idempotency-Key already started a withdrawal of another amount or to another account. Use a new key for a new withdrawal.":
    "Idempotency-Key ini telah memulakan pengeluaran dengan jumlah lain atau ke akaun lain. Gunakan kunci baharu untuk pengeluaran baharu.",
  "Unknown bank for {0}. Use one of {1}.": "Bank tidak dikenali untuk {0}. Gunakan salah satu daripada {1}.",
  "Withdrawals in {0} are not available here. Use {1}.": "Pengeluaran dalam {0} tidak tersedia di sini. Gunakan {1}.",
  "Withdrawals to a bank are available in {0}. Choose one of those wallets.":
    "Pengeluaran ke bank tersedia dalam {0}. Pilih salah satu dompet tersebut.",
  "Write the account holder's name as the bank has it.": "Tulis nama pemegang akaun seperti dalam rekod bank.",
  "Your wallet is restricted: it can receive money but not send or withdraw it. Contact support to lift the restriction.":
    "Dompet anda disekat: ia boleh menerima wang tetapi tidak boleh menghantar atau mengeluarkannya. Hubungi sokongan untuk menarik balik sekatan.",
};
