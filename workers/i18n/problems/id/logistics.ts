import type { ProblemTranslations } from "../types";

/** Indonesian problem details of logistics (couriers, shipments, tracking, cash on delivery), keyed by the English template. */
export const logistics: ProblemTranslations = {
  "An order that is {0} cannot be shipped. Book a courier once the order is paid (or accepted for cash on delivery).":
    "Pesanan berstatus {0} tidak dapat dikirim. Pesan kurir setelah pesanan dibayar (atau diterima dengan bayar di tempat).",
  "Cash on delivery is limited to {0} {1} per payment. Pay this order another way.":
    "Bayar di tempat dibatasi {0} {1} per pembayaran. Bayar pesanan ini dengan cara lain.",
  "Cash on delivery is not offered for deliveries to {0}. Choose another way to pay.":
    "Bayar di tempat tidak tersedia untuk pengiriman ke {0}. Pilih cara bayar lain.",
  "Cash on delivery is not offered with {0} {1}. Check out again with another delivery option, or choose another way to pay.":
    "Bayar di tempat (COD) tidak tersedia dengan {0} {1}. Checkout ulang dengan opsi pengiriman lain, atau pilih cara bayar lain.",
  "Cash on delivery is not offered in {0}. Choose another way to pay.":
    "Bayar di tempat tidak tersedia dalam {0}. Pilih cara bayar lain.",
  "Cash on delivery takes the method cod.": "Bayar di tempat menggunakan metode cod.",
  "No courier is booked for this order yet.": "Belum ada kurir yang dipesan untuk pesanan ini.",
  "Only parcels of the sandbox courier can be simulated; real couriers report by webhook.":
    "Hanya paket kurir sandbox yang dapat disimulasikan; kurir sungguhan melapor lewat webhook.",
  "Only the shop's owner books and manages the order's shipments.":
    "Hanya pemilik toko yang dapat memesan dan mengelola pengiriman pesanan.",
  "The courier did not accept the booking just now. Try again in a few minutes, or choose another courier.":
    "Kurir belum menerima pemesanan saat ini. Coba lagi beberapa menit lagi, atau pilih kurir lain.",
  "The courier did not confirm the cancellation. Try again in a few minutes.":
    "Kurir belum mengonfirmasi pembatalan. Coba lagi beberapa menit lagi.",
  "The courier picked the parcel up meanwhile, so the booking stands. Read the shipment again.":
    "Kurir sudah menjemput paket sementara itu, jadi pemesanan tetap berlaku. Baca lagi data pengirimannya.",
  "The courier {0} does not deliver in {1}.": "Kurir {0} tidak mengirim di {1}.",
  "The courier {0} has no service {1}. Choose one of: {2}.":
    "Kurir {0} tidak memiliki layanan {1}. Pilih salah satu dari: {2}.",
  "The parcel is already {0}, so the booking can no longer be cancelled. Ask the courier for a return instead.":
    "Paket sudah berstatus {0}, jadi pemesanan tidak dapat dibatalkan lagi. Minta pengembalian ke kurir.",
  "The stock hold of this order has run out. Check out again.":
    "Penahanan stok pesanan ini sudah habis. Lakukan checkout lagi.",
  "The webhook's signature does not match. Nothing was changed.":
    "Tanda tangan webhook tidak cocok. Tidak ada yang diubah.",
  "There is no courier {0} here. Choose one of: {1}.": "Tidak ada kurir {0} di sini. Pilih salah satu dari: {1}.",
  "There is no courier {0} here.": "Tidak ada kurir {0} di sini.",
  "There is no shipment with this id.": "Tidak ada pengiriman dengan id ini.",
  "This order is already booked with tracking number {0}. Cancel that shipment before booking another.":
    "Pesanan ini sudah dipesan dengan nomor resi {0}. Batalkan pengiriman itu sebelum memesan yang lain.",
  "This order is paid by cash on delivery, and the service {0} of {1} does not collect cash in {2}. Choose a service that does.":
    "Pesanan ini dibayar di tempat, dan layanan {0} dari {1} tidak menagih tunai di {2}. Pilih layanan yang bisa.",
  "This order was booked by another request at the same time. Read it again.":
    "Pesanan ini dipesan oleh permintaan lain pada saat yang sama. Baca lagi.",
  "This payment changed while it was being started. Read it again.":
    "Pembayaran ini berubah saat sedang dimulai. Baca lagi.",
  "This shipment's label is not stored. Ask the courier for a new one.":
    "Label pengiriman ini tidak tersimpan. Minta label baru ke kurir.",
  "The courier cannot place the shop's address: its owner fills in the pickup address (street, district, province and postal code) in Shop settings.":
    "Kurir tidak dapat menemukan alamat toko: pemiliknya perlu mengisi alamat penjemputan (jalan, kecamatan, provinsi, dan kode pos) di Pengaturan toko.",
};
