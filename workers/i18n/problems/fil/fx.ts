import type { ProblemTranslations } from "../types";

/** Filipino problem details of FX quotes and wallet conversions, keyed by the English template. */
export const fx: ProblemTranslations = {
  "Choose a target currency other than the one you convert from.":
    "Pumili ng target na currency na iba sa currency na iyong kinokonbert.",
  "Rupiah amounts are whole rupiah: send an amount that is a multiple of 100 minor units.":
    "Ang halaga sa rupiah ay dapat buong rupiah: magpadala ng halagang multiple ng 100 minor unit.",
  "Exchange rates are being updated and no quote can be given right now. Try again in a few minutes.":
    "Ina-update ang mga exchange rate at hindi makapagbigay ng quote ngayon. Subukang muli pagkalipas ng ilang minuto.",
  "This amount is too small to convert: the fee is {0}. Convert more.":
    "Masyadong maliit ang halagang ito para i-convert: ang bayad ay {0}. Mag-convert ng mas malaki.",
  "This quote has expired. Ask for a new quote and convert with it.":
    "Nag-expire na ang quote na ito. Humingi ng bagong quote at iyon ang gamitin sa pag-convert.",
  "This quote was already used for a conversion. Ask for a new quote.":
    "Nagamit na ang quote na ito sa isang conversion. Humingi ng bagong quote.",
  "This Idempotency-Key already converted another quote. Use a new key for a new conversion.":
    "Nakapag-convert na ang Idempotency-Key na ito gamit ang ibang quote. Gumamit ng bagong key para sa bagong conversion.",
  "Your wallet is restricted: it cannot convert money now. Contact support to lift the restriction.":
    "Restricted ang iyong wallet: hindi ito makakapag-convert ng pera ngayon. Makipag-ugnayan sa support para alisin ang restriction.",
  "Your wallet has {0} available, less than this conversion. Top up or ask for a smaller quote.":
    "May {0} na available ang iyong wallet, mas kaunti kaysa sa conversion na ito. Mag-top up o humingi ng mas maliit na quote.",
  "This wallet may hold at most {0}; {1} of room remains. Ask for a smaller quote.":
    "Hanggang {0} lamang ang kayang hawakan ng wallet na ito; {1} na lang ang natitirang puwang. Humingi ng mas maliit na quote.",
  "There is no FX quote with this id. Ask for a quote first.":
    "Walang FX quote na may ganitong id. Humingi muna ng quote.",
  "This amount is too large to convert at once. Convert less.":
    "Masyadong malaki ang halagang ito para i-convert nang isang beses. Mag-convert ng mas kaunti.",
};
