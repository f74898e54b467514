import type { ProblemTranslations } from "../types";

/** Indonesian reasons of the bulk CSV report's refused rows (seller center), keyed by the English template. */
export const sellerCsv: ProblemTranslations = {
  "No product or variant of this shop has this SKU.": "Tidak ada produk atau varian toko ini dengan SKU ini.",
  "This product has variants: set the stock of each variant on its own line, by its SKU.":
    "Produk ini memiliki varian: atur stok setiap varian di barisnya sendiri, berdasarkan SKU-nya.",
  "Unpaid orders hold {0} units of this SKU: stock may not go below that.":
    "Pesanan yang belum dibayar menahan {0} unit SKU ini: stok tidak boleh di bawah jumlah itu.",
  "Unpaid orders reserved units of this SKU while the file was applied: upload it again.":
    "Pesanan yang belum dibayar memesan unit SKU ini saat file sedang diterapkan: unggah lagi.",
  "The price must be a positive amount in {0} with at most {1} decimals, such as {2}.":
    "Harga harus berupa jumlah positif dalam {0} dengan paling banyak {1} desimal, misalnya {2}.",
  "Stock must be a whole number from 0 to {0}.": "Stok harus berupa bilangan bulat dari 0 sampai {0}.",
  "The sku cell is empty: name the product's SKU.": "Sel sku kosong: tuliskan SKU produk.",
  "Both price and stock are empty: fill in at least one.":
    "Harga dan stok sama-sama kosong: isi setidaknya salah satunya.",
  "This SKU is already listed on an earlier line: list it once.":
    "SKU ini sudah ada di baris sebelumnya: cantumkan sekali saja.",
  "{0} prices are whole units: round the price to whole {1}.":
    "Harga {0} dalam satuan utuh: bulatkan harga ke {1} utuh.",
};
