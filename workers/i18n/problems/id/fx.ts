import type { ProblemTranslations } from "../types";

/** Indonesian problem details of FX quotes and wallet conversions, keyed by the English template. */
export const fx: ProblemTranslations = {
  "Choose a target currency other than the one you convert from.":
    "Pilih mata uang tujuan yang berbeda dari mata uang yang Anda tukar.",
  "Rupiah amounts are whole rupiah: send an amount that is a multiple of 100 minor units.":
    "Jumlah rupiah harus rupiah bulat: kirim jumlah kelipatan 100 satuan terkecil.",
  "Exchange rates are being updated and no quote can be given right now. Try again in a few minutes.":
    "Kurs sedang diperbarui dan penawaran belum dapat diberikan saat ini. Coba lagi beberapa menit lagi.",
  "This amount is too small to convert: the fee is {0}. Convert more.":
    "Jumlah ini terlalu kecil untuk ditukar: biayanya {0}. Tukar lebih banyak.",
  "This quote has expired. Ask for a new quote and convert with it.":
    "Penawaran ini sudah kedaluwarsa. Minta penawaran baru dan tukar dengan penawaran itu.",
  "This quote was already used for a conversion. Ask for a new quote.":
    "Penawaran ini sudah dipakai untuk penukaran. Minta penawaran baru.",
  "This Idempotency-Key already converted another quote. Use a new key for a new conversion.":
    "Idempotency-Key ini sudah dipakai untuk menukar dengan penawaran lain. Gunakan kunci baru untuk penukaran baru.",
  "Your wallet is restricted: it cannot convert money now. Contact support to lift the restriction.":
    "Dompet Anda dibatasi: saat ini tidak dapat menukar uang. Hubungi dukungan untuk mencabut pembatasan.",
  "Your wallet has {0} available, less than this conversion. Top up or ask for a smaller quote.":
    "Saldo tersedia di dompet Anda {0}, kurang dari penukaran ini. Isi saldo atau minta penawaran yang lebih kecil.",
  "This wallet may hold at most {0}; {1} of room remains. Ask for a smaller quote.":
    "Dompet ini dapat menampung paling banyak {0}; sisa ruang {1}. Minta penawaran yang lebih kecil.",
  "There is no FX quote with this id. Ask for a quote first.":
    "Tidak ada penawaran kurs dengan id ini. Minta penawaran terlebih dahulu.",
  "This amount is too large to convert at once. Convert less.":
    "Jumlah ini terlalu besar untuk ditukar sekaligus. Tukar lebih sedikit.",
};
