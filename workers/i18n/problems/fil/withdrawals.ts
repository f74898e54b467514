import type { ProblemTranslations } from "../types";

/** Filipino problem details of withdrawals and disbursements, keyed by the English template. */
export const withdrawals: ProblemTranslations = {
  "A bank account number in {0} has {1} to {2} digits. Check the number.":
    "Ang numero ng bank account sa {0} ay may {1} hanggang {2} na digit. Suriin ang numero.",
  "The webhook's signature does not verify.": "Hindi tumutugma ang pirma ng webhook.",
  "There is no disbursement with this id among yours.": "Walang disbursement na may ganitong id sa mga iyo.",
  "There is no sandbox disbursement with this id.": "Walang sandbox disbursement na may ganitong id.",
  "This Idempotency-Key already started a withdrawal of another amount or to another account. Use a new key for a new withdrawal.":
    "Nagsimula na ang Idempotency-Key na ito ng withdrawal na ibang halaga o sa ibang account. Gumamit ng bagong key para sa bagong withdrawal.",
  "Unknown bank for {0}. Use one of {1}.": "Hindi kilalang bangko para sa {0}. Gamitin ang isa sa {1}.",
  "Withdrawals in {0} are not available here. Use {1}.": "Hindi available dito ang withdrawal sa {0}. Gamitin ang {1}.",
  "Withdrawals to a bank are available in {0}. Choose one of those wallets.":
    "May withdrawal sa bangko sa {0}. Pumili ng isa sa mga wallet na iyon.",
  "Write the account holder's name as the bank has it.":
    "Isulat ang pangalan ng may-ari ng account ayon sa talaan ng bangko.",
  "Your wallet is restricted: it can receive money but not send or withdraw it. Contact support to lift the restriction.":
    "Limitado ang iyong wallet: nakakatanggap ito ng pera pero hindi makapagpadala o makapag-withdraw. Makipag-ugnayan sa support para alisin ang limitasyon.",
};
