import type { ProblemTranslations } from "../types";

/** Indonesian problem details of returns and delivery-address changes, keyed by the English template. */
export const returns: ProblemTranslations = {
  "Only the buyer can change the delivery address.": "Hanya pembeli yang dapat mengubah alamat pengiriman.",
  "The order has left the shop; its delivery address can no longer change.":
    "Pesanan sudah meninggalkan toko; alamat pengirimannya tidak dapat diubah lagi.",
  "The new address must be in the country the order ships to: its shipping and tax were priced for it. Cancel and order again to ship elsewhere.":
    "Alamat baru harus berada di negara tujuan pesanan: ongkos kirim dan pajaknya dihitung untuk negara itu. Batalkan dan pesan lagi untuk mengirim ke tempat lain.",
  "There is no return with this id.": "Tidak ada pengembalian dengan id ini.",
  "Only the owner of the shop that sold these items can decide on this return.":
    "Hanya pemilik toko yang menjual barang ini yang dapat memutuskan pengembalian ini.",
  "This order has no such item. Return only items of this order.":
    "Pesanan ini tidak memiliki barang tersebut. Kembalikan hanya barang dari pesanan ini.",
  "You asked to return more units than you bought and have not yet returned. Lower the quantity.":
    "Anda meminta mengembalikan lebih banyak unit daripada yang Anda beli dan belum dikembalikan. Kurangi jumlahnya.",
  "Only the buyer of this order can ask for a return.": "Hanya pembeli pesanan ini yang dapat mengajukan pengembalian.",
  "Only a delivered order can be returned, within the return window.":
    "Hanya pesanan yang sudah diterima yang dapat dikembalikan, dalam masa pengembalian.",
  "The return window of {0} days after delivery is over.":
    "Masa pengembalian {0} hari setelah pesanan diterima sudah berakhir.",
  "Some photos are not pictures you uploaded. Upload your photos with POST /api/v1/media and send their ids.":
    "Beberapa foto bukan gambar yang Anda unggah. Unggah foto Anda dengan POST /api/v1/media lalu kirim id-nya.",
  "Another return of this order was asked for at the same moment. Read the order's returns and try again.":
    "Pengembalian lain untuk pesanan ini diajukan pada saat yang sama. Baca daftar pengembalian pesanan lalu coba lagi.",
  "This return waits for the shop's decision; it can only be approved or rejected.":
    "Pengembalian ini menunggu keputusan toko; hanya dapat disetujui atau ditolak.",
  "This return was approved; it can only be marked as received.":
    "Pengembalian ini sudah disetujui; hanya dapat ditandai sebagai diterima.",
  "This return was rejected; it can no longer change.": "Pengembalian ini sudah ditolak; tidak dapat diubah lagi.",
  "This return was already received; its refund is on its way.":
    "Pengembalian ini sudah diterima; pengembalian dananya sedang diproses.",
  "This return was already received and refunded; it can no longer change.":
    "Pengembalian ini sudah diterima dan dananya dikembalikan; tidak dapat diubah lagi.",
  "There is no such photo of a return you may see. Return photos are shown to the buyer and the shop's owner.":
    "Tidak ada foto pengembalian seperti itu yang boleh Anda lihat. Foto pengembalian hanya ditampilkan kepada pembeli dan pemilik toko.",
  "This photo is no longer stored: its uploader's account was erased.":
    "Foto ini tidak lagi disimpan: akun pengunggahnya telah dihapus.",
};
