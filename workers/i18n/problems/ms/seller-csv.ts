import type { ProblemTranslations } from "../types";

/** Malay reasons of the bulk CSV report's refused rows (seller center), keyed by the English template. */
export const sellerCsv: ProblemTranslations = {
  "No product or variant of this shop has this SKU.": "Tiada produk atau varian kedai ini yang mempunyai SKU ini.",
  "This product has variants: set the stock of each variant on its own line, by its SKU.":
    "Produk ini mempunyai varian: tetapkan stok setiap varian pada barisnya sendiri, mengikut SKUnya.",
  "Unpaid orders hold {0} units of this SKU: stock may not go below that.":
    "Pesanan yang belum dibayar memegang {0} unit SKU ini: stok tidak boleh kurang daripada itu.",
  "Unpaid orders reserved units of this SKU while the file was applied: upload it again.":
    "Pesanan yang belum dibayar menempah unit SKU ini semasa fail sedang digunakan: muat naik semula.",
  "The price must be a positive amount in {0} with at most {1} decimals, such as {2}.":
    "Harga mestilah jumlah positif dalam {0} dengan paling banyak {1} tempat perpuluhan, seperti {2}.",
  "Stock must be a whole number from 0 to {0}.": "Stok mestilah nombor bulat dari 0 hingga {0}.",
  "The sku cell is empty: name the product's SKU.": "Sel sku kosong: nyatakan SKU produk.",
  "Both price and stock are empty: fill in at least one.":
    "Harga dan stok kedua-duanya kosong: isi sekurang-kurangnya satu.",
  "This SKU is already listed on an earlier line: list it once.":
    "SKU ini sudah disenaraikan pada baris sebelumnya: senaraikannya sekali sahaja.",
  "{0} prices are whole units: round the price to whole {1}.":
    "Harga {0} dalam unit penuh: bundarkan harga kepada {1} penuh.",
};
