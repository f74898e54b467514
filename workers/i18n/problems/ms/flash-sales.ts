import type { ProblemTranslations } from "../types";

/** Malay problem details of flash sales, keyed by the English template. */
export const flashSales: ProblemTranslations = {
  "A flash sale must start in the future and end after it starts.":
    "Jualan kilat mesti bermula pada masa hadapan dan tamat selepas ia bermula.",
  "Some items cannot go on sale. Fix them (see errors) and try again.":
    "Sesetengah item tidak boleh dijual murah. Betulkan (lihat errors) dan cuba lagi.",
  "Another flash sale of the same product overlaps this window. Choose another time or leave that product out.":
    "Jualan kilat lain bagi produk yang sama bertindih dengan tempoh ini. Pilih masa lain atau keluarkan produk itu.",
  "There is no flash sale with this id.": "Tiada jualan kilat dengan id ini.",
  "This flash sale has already started. Only an upcoming sale can be cancelled.":
    "Jualan kilat ini sudah bermula. Hanya jualan yang belum bermula boleh dibatalkan.",
};
