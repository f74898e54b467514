import type { ProblemTranslations } from "../types";

/** Filipino problem details of seller and platform vouchers, keyed by the English template. */
export const vouchers: ProblemTranslations = {
  "A free shipping voucher has no value: leave value out.":
    "Walang halaga ang voucher na libreng padala: huwag lagyan ang value.",
  "A percent voucher's value is a whole percent from 1 to 100.":
    "Ang halaga ng percent na voucher ay buong porsiyento mula 1 hanggang 100.",
  "A fixed voucher's value is the amount it takes off in minor units, at least 1.":
    "Ang halaga ng fixed na voucher ay ang ibinabawas nito sa pinakamaliit na yunit ng pera, hindi bababa sa 1.",
  "Amounts in {0} are whole units: send a multiple of {1}.":
    "Buong yunit ang mga halaga sa {0}: magpadala ng multiple ng {1}.",
  "This voucher's amounts are in {0}.": "Nasa {0} dapat ang mga halaga ng voucher na ito.",
  "Amounts cannot be negative.": "Hindi puwedeng negatibo ang mga halaga.",
  "endsAt must be later than startsAt.": "Dapat mas huli ang endsAt kaysa sa startsAt.",
  "endsAt is already past: choose an end in the future.": "Lumipas na ang endsAt: pumili ng pagtatapos sa hinaharap.",
  "This voucher was already used {0} times: totalLimit cannot be lower.":
    "Nagamit na ang voucher na ito nang {0} beses: hindi puwedeng mas mababa ang totalLimit.",
  "A fixed voucher takes off its value: leave maxDiscount out.":
    "Ibinabawas ng fixed na voucher ang halaga nito: huwag lagyan ang maxDiscount.",
  "A voucher with this code exists already. Choose another code.":
    "May voucher na gumagamit ng code na ito. Pumili ng ibang code.",
  "There is no voucher with this id.": "Walang voucher na may ganitong id.",
  "Only an admin can change a platform voucher.": "Admin lang ang puwedeng magbago ng platform voucher.",
  "This voucher was used meanwhile beyond that totalLimit. Read it again and choose a higher limit.":
    "Samantala, nagamit na ang voucher nang lampas sa totalLimit na iyon. Basahin itong muli at pumili ng mas mataas na limit.",
  "This voucher is no longer available.": "Hindi na magagamit ang voucher na ito.",
  "Use at most one shop voucher and one platform voucher per checkout.":
    "Gumamit ng hindi hihigit sa isang shop voucher at isang platform voucher bawat checkout.",
};
