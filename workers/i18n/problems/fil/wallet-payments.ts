import type { ProblemTranslations } from "../types";

/** Filipino problem details of paying from the wallet and of top-ups, keyed by the English template. */
export const walletPayments: ProblemTranslations = {
  "{0} amounts are whole multiples of {1} minor units.":
    "Ang mga halaga sa {0} ay dapat buong multiple ng {1} minor unit.",
  "This top-up is being started right now. Try again in a moment.":
    "Sinisimulan na ang top-up na ito ngayon. Subukang muli maya-maya.",
  "Your wallet has {0} available, less than the {1} to pay. Top up or choose another way to pay.":
    "May {0} na magagamit ang iyong wallet, kulang sa {1} na babayaran. Mag-top up o pumili ng ibang paraan ng pagbabayad.",
  "Sign in to pay from your wallet.": "Mag-sign in para magbayad mula sa iyong wallet.",
  "This wallet payment was given up before it went through, and nothing was taken from your wallet. Pay again with a new request.":
    "Itinigil ang bayad na ito mula sa wallet bago ito natuloy, at walang kinuha sa iyong wallet. Magbayad muli gamit ang bagong request.",
  "Pay from the wallet with method wallet.": "Magbayad mula sa wallet gamit ang method na wallet.",
  "Your wallet can hold at most {0}; a top-up of up to {1} fits now.":
    "Hanggang {0} lang ang kayang hawakan ng iyong wallet; kasya pa ngayon ang top-up na hanggang {1}.",
  "This Idempotency-Key already started a top-up of another amount. Use a new key for a new top-up.":
    "Nakapagsimula na ang Idempotency-Key na ito ng top-up na may ibang halaga. Gumamit ng bagong key para sa bagong top-up.",
};
