import type { ProblemTranslations } from "../types";

/** Malay problem details of FX quotes and wallet conversions, keyed by the English template. */
export const fx: ProblemTranslations = {
  "Choose a target currency other than the one you convert from.":
    "Pilih mata wang sasaran yang berbeza daripada mata wang yang anda tukar.",
  "Rupiah amounts are whole rupiah: send an amount that is a multiple of 100 minor units.":
    "Amaun rupiah mestilah rupiah penuh: hantar amaun yang merupakan gandaan 100 unit kecil.",
  "Exchange rates are being updated and no quote can be given right now. Try again in a few minutes.":
    "Kadar pertukaran sedang dikemas kini dan sebut harga tidak dapat diberikan sekarang. Cuba lagi dalam beberapa minit.",
  "This amount is too small to convert: the fee is {0}. Convert more.":
    "Amaun ini terlalu kecil untuk ditukar: yurannya {0}. Tukar lebih banyak.",
  "This quote has expired. Ask for a new quote and convert with it.":
    "Sebut harga ini telah tamat tempoh. Minta sebut harga baharu dan tukar dengannya.",
  "This quote was already used for a conversion. Ask for a new quote.":
    "Sebut harga ini telah digunakan untuk pertukaran. Minta sebut harga baharu.",
  "This Idempotency-Key already converted another quote. Use a new key for a new conversion.":
    "Idempotency-Key ini telah menukar sebut harga lain. Gunakan kunci baharu untuk pertukaran baharu.",
  "Your wallet is restricted: it cannot convert money now. Contact support to lift the restriction.":
    "Dompet anda disekat: ia tidak boleh menukar wang sekarang. Hubungi sokongan untuk menarik balik sekatan.",
  "Your wallet has {0} available, less than this conversion. Top up or ask for a smaller quote.":
    "Dompet anda mempunyai {0} yang tersedia, kurang daripada pertukaran ini. Tambah nilai atau minta sebut harga yang lebih kecil.",
  "This wallet may hold at most {0}; {1} of room remains. Ask for a smaller quote.":
    "Dompet ini boleh memegang paling banyak {0}; baki ruang {1}. Minta sebut harga yang lebih kecil.",
  "There is no FX quote with this id. Ask for a quote first.":
    "Tiada sebut harga pertukaran dengan id ini. Minta sebut harga dahulu.",
  "This amount is too large to convert at once. Convert less.":
    "Amaun ini terlalu besar untuk ditukar sekali gus. Tukar kurang.",
};
