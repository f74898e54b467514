import type { ProblemTranslations } from "../types";

/** Indonesian problem details of transfer cards in chat and the wallet's part in account deletion, keyed by the English template. */
export const walletCard: ProblemTranslations = {
  "You can share only a transfer you sent, in the direct dialog with the person you sent it to.":
    "Anda hanya dapat membagikan transfer yang Anda kirim, di percakapan langsung dengan orang yang Anda kirimi.",
  "Your wallet still holds money ({0}). Withdraw it to your bank or spend it first, wait for transfers in flight to finish, then delete the account.":
    "Dompet Anda masih berisi uang ({0}). Tarik ke rekening bank Anda atau belanjakan dulu, tunggu transfer yang sedang berjalan selesai, lalu hapus akun.",
};
