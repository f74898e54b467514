import type { ProblemTranslations } from "../types";

/** Malay problem details of returns and delivery-address changes, keyed by the English template. */
export const returns: ProblemTranslations = {
  "Only the buyer can change the delivery address.": "Hanya pembeli boleh menukar alamat penghantaran.",
  "The order has left the shop; its delivery address can no longer change.":
    "Pesanan telah meninggalkan kedai; alamat penghantarannya tidak boleh ditukar lagi.",
  "The new address must be in the country the order ships to: its shipping and tax were priced for it. Cancel and order again to ship elsewhere.":
    "Alamat baharu mesti berada di negara destinasi pesanan: kos penghantaran dan cukainya dikira untuk negara itu. Batalkan dan pesan semula untuk menghantar ke tempat lain.",
  "There is no return with this id.": "Tiada pemulangan dengan id ini.",
  "Only the owner of the shop that sold these items can decide on this return.":
    "Hanya pemilik kedai yang menjual barang ini boleh membuat keputusan tentang pemulangan ini.",
  "This order has no such item. Return only items of this order.":
    "Pesanan ini tiada barang tersebut. Pulangkan hanya barang daripada pesanan ini.",
  "You asked to return more units than you bought and have not yet returned. Lower the quantity.":
    "Anda meminta untuk memulangkan lebih banyak unit daripada yang anda beli dan belum dipulangkan. Kurangkan kuantitinya.",
  "Only the buyer of this order can ask for a return.": "Hanya pembeli pesanan ini boleh memohon pemulangan.",
  "Only a delivered order can be returned, within the return window.":
    "Hanya pesanan yang telah diterima boleh dipulangkan, dalam tempoh pemulangan.",
  "The return window of {0} days after delivery is over.":
    "Tempoh pemulangan {0} hari selepas penghantaran telah tamat.",
  "Some photos are not pictures you uploaded. Upload your photos with POST /api/v1/media and send their ids.":
    "Sesetengah foto bukan gambar yang anda muat naik. Muat naik foto anda dengan POST /api/v1/media dan hantar id-nya.",
  "Another return of this order was asked for at the same moment. Read the order's returns and try again.":
    "Pemulangan lain bagi pesanan ini dimohon pada masa yang sama. Baca senarai pemulangan pesanan dan cuba lagi.",
  "This return waits for the shop's decision; it can only be approved or rejected.":
    "Pemulangan ini menunggu keputusan kedai; ia hanya boleh diluluskan atau ditolak.",
  "This return was approved; it can only be marked as received.":
    "Pemulangan ini telah diluluskan; ia hanya boleh ditanda sebagai diterima.",
  "This return was rejected; it can no longer change.": "Pemulangan ini telah ditolak; ia tidak boleh berubah lagi.",
  "This return was already received; its refund is on its way.":
    "Pemulangan ini telah diterima; bayaran baliknya sedang diproses.",
  "This return was already received and refunded; it can no longer change.":
    "Pemulangan ini telah diterima dan dibayar balik; ia tidak boleh berubah lagi.",
  "There is no such photo of a return you may see. Return photos are shown to the buyer and the shop's owner.":
    "Tiada foto pemulangan sedemikian yang boleh anda lihat. Foto pemulangan hanya ditunjukkan kepada pembeli dan pemilik kedai.",
  "This photo is no longer stored: its uploader's account was erased.":
    "Foto ini tidak lagi disimpan: akaun pemuat naiknya telah dipadamkan.",
};
