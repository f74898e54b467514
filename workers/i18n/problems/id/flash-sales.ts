import type { ProblemTranslations } from "../types";

/** Indonesian problem details of flash sales, keyed by the English template. */
export const flashSales: ProblemTranslations = {
  "A flash sale must start in the future and end after it starts.":
    "Flash sale harus dimulai di masa depan dan berakhir setelah waktu mulainya.",
  "Some items cannot go on sale. Fix them (see errors) and try again.":
    "Beberapa barang tidak dapat diikutkan dalam promo. Perbaiki (lihat errors) lalu coba lagi.",
  "Another flash sale of the same product overlaps this window. Choose another time or leave that product out.":
    "Ada flash sale lain untuk produk yang sama pada rentang waktu ini. Pilih waktu lain atau keluarkan produk itu.",
  "There is no flash sale with this id.": "Tidak ada flash sale dengan id ini.",
  "This flash sale has already started. Only an upcoming sale can be cancelled.":
    "Flash sale ini sudah dimulai. Hanya flash sale yang belum dimulai yang dapat dibatalkan.",
};
