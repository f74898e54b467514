import type { ProblemTranslations } from "../types";

/** Filipino problem details of transfer cards in chat and the wallet's part in account deletion, keyed by the English template. */
export const walletCard: ProblemTranslations = {
  "You can share only a transfer you sent, in the direct dialog with the person you sent it to.":
    "Maaari mo lang ibahagi ang transfer na ikaw ang nagpadala, sa direktang usapan kasama ang taong pinadalhan mo.",
  "Your wallet still holds money ({0}). Withdraw it to your bank or spend it first, wait for transfers in flight to finish, then delete the account.":
    "May pera pa ang iyong wallet ({0}). I-withdraw muna ito sa iyong bangko o gastusin, hintaying matapos ang mga transfer na isinasagawa, saka burahin ang account.",
};
