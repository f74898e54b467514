import type { ProblemTranslations } from "../types";

/** Filipino problem details of the wallet and transfers, keyed by the English template. */
export const wallet: ProblemTranslations = {
  "One transfer may be at most {0} at your verification level. Send less.":
    "Ang isang transfer ay hanggang {0} lamang sa iyong antas ng beripikasyon. Magpadala ng mas kaunti.",
  "You can send {0} in any 24 hours; {1} of it remains now.":
    "Makakapagpadala ka ng {0} sa anumang 24 na oras; {1} na lang ang natitira ngayon.",
  "The recipient's wallet cannot hold this amount now (its balance limit). Nothing was sent; send less or ask them to make room.":
    "Hindi kayang tanggapin ng wallet ng tatanggap ang halagang ito ngayon (ang limitasyon ng balanse nito). Walang naipadala; magpadala ng mas kaunti o hilingin sa kanila na magbawas muna.",
  "Your wallet has {0} available, less than this transfer. Top up or send less.":
    "May {0} na magagamit ang iyong wallet, mas kaunti kaysa sa transfer na ito. Mag-top up o magpadala ng mas kaunti.",
  "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.":
    "Restricted ang iyong wallet: nakakatanggap ito ng pera pero hindi nakakapagpadala. Makipag-ugnayan sa support para alisin ang restriction.",
  "This Idempotency-Key already started a transfer to another recipient, amount or note. Use a new key for a new transfer.":
    "Nagsimula na ang Idempotency-Key na ito ng transfer sa ibang tatanggap, halaga o tala. Gumamit ng bagong key para sa bagong transfer.",
  "You cannot send money to yourself. Choose another recipient.":
    "Hindi ka puwedeng magpadala ng pera sa sarili mo. Pumili ng ibang tatanggap.",
  "There is no active account with this user id. Check the recipient.":
    "Walang aktibong account na may ganitong user id. Suriin ang tatanggap.",
  "No active account uses this phone number. Check the number, or ask the person to sign up first.":
    "Walang aktibong account na gumagamit ng numerong ito. Suriin ang numero, o hilingin sa tao na mag-sign up muna.",
  "There is no wallet transaction with this id in your wallet.":
    "Walang wallet transaction na may ganitong id sa iyong wallet.",
};
