import type { ProblemTranslations } from "../types";

/** Malay problem details of transfer cards in chat and the wallet's part in account deletion, keyed by the English template. */
export const walletCard: ProblemTranslations = {
  "You can share only a transfer you sent, in the direct dialog with the person you sent it to.":
    "Anda hanya boleh berkongsi pemindahan yang anda hantar, dalam dialog terus dengan orang yang anda hantar kepadanya.",
  "Your wallet still holds money ({0}). Withdraw it to your bank or spend it first, wait for transfers in flight to finish, then delete the account.":
    "Dompet anda masih mempunyai wang ({0}). Keluarkan ke akaun bank anda atau belanjakannya dahulu, tunggu pemindahan yang sedang berjalan selesai, kemudian padam akaun.",
};
