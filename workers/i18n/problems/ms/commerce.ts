import type { ProblemTranslations } from "../types";

/** Malay problem details of the catalog, cart, shops, shipping, search and reviews, keyed by the English template. */
export const commerce: ProblemTranslations = {
  "Your cart holds items priced in {0} and this product is priced in {1}. A cart holds one currency: check out or empty the cart first.":
    "Troli anda mengandungi item berharga dalam {0} manakala produk ini berharga dalam {1}. Satu troli hanya untuk satu mata wang: daftar keluar atau kosongkan troli dahulu.",
  "Your cart holds items priced in {0} and this product is priced in another currency. A cart holds one currency: check out or empty the cart first.":
    "Troli anda mengandungi item berharga dalam {0} manakala produk ini berharga dalam mata wang lain. Satu troli hanya untuk satu mata wang: daftar keluar atau kosongkan troli dahulu.",
  "This product is out of stock.": "Produk ini kehabisan stok.",
  "Only {0} in stock: add at most {1} more.": "Hanya {0} dalam stok: tambah paling banyak {1} lagi.",
  "Only {0} in stock and your cart already holds {1}: add at most {2} more.":
    "Hanya {0} dalam stok dan troli anda sudah ada {1}: tambah paling banyak {2} lagi.",
  "Only {0} in stock and your cart already holds {1}: you can't add more.":
    "Hanya {0} dalam stok dan troli anda sudah ada {1}: anda tidak boleh menambah lagi.",
  "A cart line holds at most {0} units and yours already holds {1}.":
    "Satu baris troli memuatkan paling banyak {0} unit dan baris anda sudah ada {1}.",
  "A cart line holds at most {0} units.": "Satu baris troli memuatkan paling banyak {0} unit.",
  "A cart holds at most {0} different items. Remove one or check out first.":
    "Troli memuatkan paling banyak {0} item berbeza. Keluarkan satu atau daftar keluar dahulu.",
  "Your cart has no item with this id. GET /api/v1/cart lists its items.":
    "Troli anda tiada item dengan ID ini. GET /api/v1/cart menyenaraikan itemnya.",
  "There is no product with this id.": "Tiada produk dengan ID ini.",
  "This product has no variant {0}. GET the product to see its variants.":
    "Produk ini tiada varian {0}. Buat GET pada produk untuk melihat variannya.",
  "This product comes in variants: send variantId (GET the product to see its variants).":
    "Produk ini mempunyai beberapa varian: hantar variantId (buat GET pada produk untuk melihat variannya).",
  "X-Cart-Token is not a cart token this server issued. Send back the X-Cart-Token of an earlier response, or none to start a new cart.":
    "X-Cart-Token ini bukan token troli yang dikeluarkan oleh pelayan ini. Hantar semula X-Cart-Token daripada respons sebelumnya, atau jangan hantar apa-apa untuk memulakan troli baharu.",
  "minPrice is above maxPrice: swap them.": "minPrice melebihi maxPrice: tukarkan kedua-duanya.",
  "There is no category with this id.": "Tiada kategori dengan ID ini.",
  "There is no category with this parentId.": "Tiada kategori dengan parentId ini.",
  "A category cannot move under itself or one of its sub-categories.":
    "Kategori tidak boleh dipindahkan ke bawah dirinya sendiri atau salah satu subkategorinya.",
  "The slug {0} is already used by category {1}. Choose another.":
    "Slug {0} sudah digunakan oleh kategori {1}. Pilih yang lain.",
  "The slug {0} is already used.": "Slug {0} sudah digunakan.",
  "This category has sub-categories. Move or delete them first.":
    "Kategori ini mempunyai subkategori. Pindahkan atau padam subkategori itu dahulu.",
  "Products are listed in this category (e.g. {0}). Move them first.":
    "Terdapat produk yang disenaraikan dalam kategori ini (contohnya {0}). Pindahkan produk itu dahulu.",
  "This product has variants: say which one with variantId.":
    "Produk ini mempunyai varian: nyatakan yang mana dengan variantId.",
  "variantId is not one of this product's variants.": "variantId bukan salah satu varian produk ini.",
  "This product has no variants: leave variantId out.": "Produk ini tiada varian: jangan sertakan variantId.",
  "This shop was rejected by our review, so it cannot list products.":
    "Kedai ini ditolak dalam semakan kami, jadi ia tidak boleh menyenaraikan produk.",
  "SKU {0} is already used in this shop. Choose another SKU.": "SKU {0} sudah digunakan di kedai ini. Pilih SKU lain.",
  "One of these SKUs is already used in this shop.": "Salah satu SKU ini sudah digunakan di kedai ini.",
  "A variant id must be one of this product's variants, listed once.":
    "ID varian mestilah salah satu varian produk ini, dan disenaraikan sekali sahaja.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.":
    "Kedai ini berjual dalam {0}, jadi harga mestilah dalam {1}, bukan {2}.",
  "{0} prices are whole units: send an amount that is a multiple of {1} minor units (e.g. {2}).":
    "Harga {0} ialah unit penuh: hantar jumlah yang merupakan gandaan {1} unit kecil (contohnya {2}).",
  "There is no category with this id. Pick one from GET /api/v1/categories.":
    "Tiada kategori dengan ID ini. Pilih satu daripada GET /api/v1/categories.",
  "Each SKU may appear once: give every variant its own SKU.":
    "Setiap SKU hanya boleh muncul sekali: berikan setiap varian SKU tersendiri.",
  "SKU {0} is already used in this shop by product {1} (deleted products keep their SKUs). Choose another SKU.":
    "SKU {0} sudah digunakan di kedai ini oleh produk {1} (produk yang dipadam mengekalkan SKU mereka). Pilih SKU lain.",
  "Only the shop's owner can change its products.": "Hanya pemilik kedai boleh mengubah produknya.",
  "This product was deleted.": "Produk ini telah dipadam.",
  "The stock could not be set to {0}: {1} units are held by unpaid orders.":
    "Stok tidak dapat ditetapkan kepada {0}: {1} unit sedang ditahan oleh pesanan yang belum dibayar.",
  "The stock could not be set to {0}: {1}.": "Stok tidak dapat ditetapkan kepada {0}: {1}.",
  "Shop owners cannot review their own products.": "Pemilik kedai tidak boleh mengulas produk mereka sendiri.",
  "You have already reviewed this product; each buyer reviews a product once.":
    "Anda sudah mengulas produk ini; setiap pembeli mengulas sesuatu produk sekali sahaja.",
  "Only buyers can review a product, once their order of it has been delivered. If yours is on its way, come back after it arrives.":
    "Hanya pembeli boleh mengulas produk, selepas pesanan mereka telah dihantar. Jika pesanan anda masih dalam perjalanan, kembali selepas ia tiba.",
  "Only the owner of the product's shop can answer its reviews.":
    "Hanya pemilik kedai produk ini boleh membalas ulasannya.",
  "There is no review with this id.": "Tiada ulasan dengan ID ini.",
  "You cannot report your own review.": "Anda tidak boleh melaporkan ulasan anda sendiri.",
  "You have already reported this review.": "Anda sudah melaporkan ulasan ini.",
  "Type at least one letter or digit to get suggestions.":
    "Taip sekurang-kurangnya satu huruf atau digit untuk mendapatkan cadangan.",
  "This cursor came from a search with other words, filters or sort. Repeat that search, or omit cursor to start over.":
    "Cursor ini daripada carian dengan perkataan, penapis atau susunan yang lain. Ulangi carian itu, atau tinggalkan cursor untuk bermula semula.",
  "minPrice is larger than maxPrice. Swap them or drop one.":
    "minPrice lebih besar daripada maxPrice. Tukarkan kedua-duanya atau buang salah satu.",
  "The query has no letters or digits to search for. Type a word, or browse with categoryId or a price filter.":
    "Pertanyaan tiada huruf atau digit untuk dicari. Taip satu perkataan, atau layari dengan categoryId atau penapis harga.",
  "Send q with at least one word, or browse with categoryId, minPrice, maxPrice, currency or brand.":
    "Hantar q dengan sekurang-kurangnya satu perkataan, atau layari dengan categoryId, minPrice, maxPrice, currency atau brand.",
  "The term needs at least one letter or digit.": "Istilah memerlukan sekurang-kurangnya satu huruf atau digit.",
  "Give at least one synonym with letters or digits that differs from the term.":
    "Berikan sekurang-kurangnya satu sinonim yang mengandungi huruf atau digit dan berbeza daripada istilah itu.",
  'There is already a {0} rule for "{1}". Delete it (DELETE /api/v1/admin/search/synonyms/{id}) and add the new one.':
    'Sudah ada peraturan {0} untuk "{1}". Padam peraturan itu (DELETE /api/v1/admin/search/synonyms/{id}) dan tambah yang baharu.',
  "There is no synonym rule with this id.": "Tiada peraturan sinonim dengan ID ini.",
  "Your cart has nothing to ship. Add products, then ask for shipping rates.":
    "Troli anda tiada apa-apa untuk dihantar. Tambah produk, kemudian minta kadar penghantaran.",
  "There is no shop with this id.": "Tiada kedai dengan ID ini.",
  "Only the shop's owner can do this.": "Hanya pemilik kedai boleh melakukan ini.",
  'A shop in {0} sells in {1}, not {2}. Send currency "{3}".':
    'Kedai di {0} berjual dalam {1}, bukan {2}. Hantar currency "{3}".',
  "You already own {0} shops, the most one account may have.":
    "Anda sudah memiliki {0} kedai, jumlah maksimum bagi satu akaun.",
};
