import type { ProblemTranslations } from "../types";

/** Indonesian problem details of the catalog, cart, shops, shipping, search and reviews, keyed by the English template. */
export const commerce: ProblemTranslations = {
  "Your cart holds items priced in {0} and this product is priced in {1}. A cart holds one currency: check out or empty the cart first.":
    "Keranjang Anda berisi barang dengan harga dalam {0}, sedangkan produk ini berharga dalam {1}. Satu keranjang hanya untuk satu mata uang: checkout atau kosongkan keranjang terlebih dahulu.",
  "Your cart holds items priced in {0} and this product is priced in another currency. A cart holds one currency: check out or empty the cart first.":
    "Keranjang Anda berisi barang dengan harga dalam {0}, sedangkan produk ini berharga dalam mata uang lain. Satu keranjang hanya untuk satu mata uang: checkout atau kosongkan keranjang terlebih dahulu.",
  "This product is out of stock.": "Produk ini sedang habis.",
  "Only {0} in stock: add at most {1} more.": "Stok hanya tersisa {0}: Anda dapat menambah paling banyak {1} lagi.",
  "Only {0} in stock and your cart already holds {1}: add at most {2} more.":
    "Stok hanya tersisa {0} dan keranjang Anda sudah berisi {1}: Anda dapat menambah paling banyak {2} lagi.",
  "Only {0} in stock and your cart already holds {1}: you can't add more.":
    "Stok hanya tersisa {0} dan keranjang Anda sudah berisi {1}: Anda tidak dapat menambah lagi.",
  "A cart line holds at most {0} units and yours already holds {1}.":
    "Satu baris keranjang berisi paling banyak {0} unit dan baris Anda sudah berisi {1}.",
  "A cart line holds at most {0} units.": "Satu baris keranjang berisi paling banyak {0} unit.",
  "A cart holds at most {0} different items. Remove one or check out first.":
    "Keranjang berisi paling banyak {0} barang berbeda. Hapus salah satu atau checkout terlebih dahulu.",
  "Your cart has no item with this id. GET /api/v1/cart lists its items.":
    "Keranjang Anda tidak memiliki barang dengan ID ini. GET /api/v1/cart menampilkan daftar barangnya.",
  "There is no product with this id.": "Tidak ada produk dengan ID ini.",
  "This product has no variant {0}. GET the product to see its variants.":
    "Produk ini tidak memiliki varian {0}. Lakukan GET pada produk untuk melihat variannya.",
  "This product comes in variants: send variantId (GET the product to see its variants).":
    "Produk ini memiliki beberapa varian: kirim variantId (lakukan GET pada produk untuk melihat variannya).",
  "X-Cart-Token is not a cart token this server issued. Send back the X-Cart-Token of an earlier response, or none to start a new cart.":
    "X-Cart-Token ini bukan token keranjang yang diterbitkan server ini. Kirim kembali X-Cart-Token dari respons sebelumnya, atau jangan kirim apa pun untuk memulai keranjang baru.",
  "minPrice is above maxPrice: swap them.": "minPrice lebih tinggi dari maxPrice: tukar keduanya.",
  "There is no category with this id.": "Tidak ada kategori dengan ID ini.",
  "There is no category with this parentId.": "Tidak ada kategori dengan parentId ini.",
  "A category cannot move under itself or one of its sub-categories.":
    "Kategori tidak dapat dipindahkan ke bawah dirinya sendiri atau salah satu subkategorinya.",
  "The slug {0} is already used by category {1}. Choose another.":
    "Slug {0} sudah digunakan oleh kategori {1}. Pilih yang lain.",
  "The slug {0} is already used.": "Slug {0} sudah digunakan.",
  "This category has sub-categories. Move or delete them first.":
    "Kategori ini memiliki subkategori. Pindahkan atau hapus subkategori tersebut terlebih dahulu.",
  "Products are listed in this category (e.g. {0}). Move them first.":
    "Ada produk yang terdaftar di kategori ini (misalnya {0}). Pindahkan produk tersebut terlebih dahulu.",
  "This product has variants: say which one with variantId.":
    "Produk ini memiliki varian: sebutkan yang mana dengan variantId.",
  "variantId is not one of this product's variants.": "variantId bukan salah satu varian produk ini.",
  "This product has no variants: leave variantId out.": "Produk ini tidak memiliki varian: jangan sertakan variantId.",
  "This shop was rejected by our review, so it cannot list products.":
    "Toko ini ditolak dalam peninjauan kami, jadi tidak dapat mencantumkan produk.",
  "SKU {0} is already used in this shop. Choose another SKU.": "SKU {0} sudah digunakan di toko ini. Pilih SKU lain.",
  "One of these SKUs is already used in this shop.": "Salah satu SKU ini sudah digunakan di toko ini.",
  "A variant id must be one of this product's variants, listed once.":
    "ID varian harus salah satu varian produk ini, dan hanya dicantumkan satu kali.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.":
    "Toko ini berjualan dalam {0}, jadi harga harus dalam {1}, bukan {2}.",
  "{0} prices are whole units: send an amount that is a multiple of {1} minor units (e.g. {2}).":
    "Harga {0} berupa satuan utuh: kirim jumlah kelipatan {1} unit terkecil (misalnya {2}).",
  "There is no category with this id. Pick one from GET /api/v1/categories.":
    "Tidak ada kategori dengan ID ini. Pilih salah satu dari GET /api/v1/categories.",
  "Each SKU may appear once: give every variant its own SKU.":
    "Setiap SKU hanya boleh muncul sekali: berikan SKU tersendiri untuk setiap varian.",
  "SKU {0} is already used in this shop by product {1} (deleted products keep their SKUs). Choose another SKU.":
    "SKU {0} sudah digunakan di toko ini oleh produk {1} (produk yang dihapus tetap memegang SKU-nya). Pilih SKU lain.",
  "Only the shop's owner can change its products.": "Hanya pemilik toko yang dapat mengubah produknya.",
  "This product was deleted.": "Produk ini sudah dihapus.",
  "The stock could not be set to {0}: {1} units are held by unpaid orders.":
    "Stok tidak dapat diatur menjadi {0}: {1} unit sedang ditahan oleh pesanan yang belum dibayar.",
  "The stock could not be set to {0}: {1}.": "Stok tidak dapat diatur menjadi {0}: {1}.",
  "Shop owners cannot review their own products.": "Pemilik toko tidak dapat mengulas produknya sendiri.",
  "You have already reviewed this product; each buyer reviews a product once.":
    "Anda sudah mengulas produk ini; setiap pembeli hanya dapat mengulas satu produk sekali.",
  "Only buyers can review a product, once their order of it has been delivered. If yours is on its way, come back after it arrives.":
    "Hanya pembeli yang dapat mengulas produk, setelah pesanannya diterima. Jika pesanan Anda masih dalam perjalanan, kembali lagi setelah pesanan tiba.",
  "Only the owner of the product's shop can answer its reviews.":
    "Hanya pemilik toko produk ini yang dapat membalas ulasannya.",
  "There is no review with this id.": "Tidak ada ulasan dengan ID ini.",
  "You cannot report your own review.": "Anda tidak dapat melaporkan ulasan Anda sendiri.",
  "You have already reported this review.": "Anda sudah melaporkan ulasan ini.",
  "Type at least one letter or digit to get suggestions.":
    "Ketik setidaknya satu huruf atau angka untuk mendapatkan saran.",
  "This cursor came from a search with other words, filters or sort. Repeat that search, or omit cursor to start over.":
    "Cursor ini berasal dari pencarian dengan kata, filter, atau urutan yang berbeda. Ulangi pencarian tersebut, atau hilangkan cursor untuk mulai dari awal.",
  "minPrice is larger than maxPrice. Swap them or drop one.":
    "minPrice lebih besar dari maxPrice. Tukar keduanya atau hapus salah satunya.",
  "The query has no letters or digits to search for. Type a word, or browse with categoryId or a price filter.":
    "Kueri tidak memiliki huruf atau angka untuk dicari. Ketik sebuah kata, atau jelajahi dengan categoryId atau filter harga.",
  "Send q with at least one word, or browse with categoryId, minPrice, maxPrice, currency or brand.":
    "Kirim q dengan setidaknya satu kata, atau jelajahi dengan categoryId, minPrice, maxPrice, currency, atau brand.",
  "The term needs at least one letter or digit.": "Istilah harus memiliki setidaknya satu huruf atau angka.",
  "Give at least one synonym with letters or digits that differs from the term.":
    "Berikan setidaknya satu sinonim berisi huruf atau angka yang berbeda dari istilahnya.",
  'There is already a {0} rule for "{1}". Delete it (DELETE /api/v1/admin/search/synonyms/{id}) and add the new one.':
    'Sudah ada aturan {0} untuk "{1}". Hapus aturan itu (DELETE /api/v1/admin/search/synonyms/{id}) lalu tambahkan yang baru.',
  "There is no synonym rule with this id.": "Tidak ada aturan sinonim dengan ID ini.",
  "Your cart has nothing to ship. Add products, then ask for shipping rates.":
    "Keranjang Anda tidak berisi barang untuk dikirim. Tambahkan produk, lalu minta tarif pengiriman.",
  "There is no shop with this id.": "Tidak ada toko dengan ID ini.",
  "Only the shop's owner can do this.": "Hanya pemilik toko yang dapat melakukan ini.",
  'A shop in {0} sells in {1}, not {2}. Send currency "{3}".':
    'Toko di {0} berjualan dalam {1}, bukan {2}. Kirim currency "{3}".',
  "You already own {0} shops, the most one account may have.":
    "Anda sudah memiliki {0} toko, jumlah maksimum untuk satu akun.",
};
