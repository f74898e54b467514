import type { ProblemTranslations } from "../types";

/** Indonesian problem details of the Flash Express courier (workers/logistics/couriers/flash*.ts), keyed by the English template. */
export const couriersFlash: ProblemTranslations = {
  "Flash Express needs the shop's five-digit postal code: fill in the pickup address in Shop settings and book again.":
    "Flash Express memerlukan kode pos lima digit toko: isi alamat penjemputan di Pengaturan toko lalu pesan lagi.",
  "Flash Express needs the recipient's district, province and five-digit postal code. Correct the order's shipping address and book again.":
    "Flash Express memerlukan distrik, provinsi, dan kode pos lima digit penerima. Perbaiki alamat pengiriman pesanan lalu pesan lagi.",
  "Flash Express collects cash on delivery in Thai baht only.":
    "Flash Express menagih bayar di tempat hanya dalam baht Thailand.",
  "Flash Express already holds a parcel for this booking but does not give its tracking number again. Cancel that parcel in Flash Express's merchant app, then book with a new Idempotency-Key.":
    "Flash Express sudah memegang paket untuk pemesanan ini tetapi tidak memberikan nomor resinya lagi. Batalkan paket itu di aplikasi merchant Flash Express, lalu pesan dengan Idempotency-Key baru.",
  "Flash Express could not be asked about this parcel just now. Nothing was changed.":
    "Flash Express tidak dapat ditanya tentang paket ini saat ini. Tidak ada yang diubah.",
  "Flash Express sends its courier to the shop's pickup address and needs its street, district, province and five-digit postal code. Add them to the shop's pickup address, then ask for the pickup again.":
    "Flash Express mengirim kurirnya ke alamat penjemputan toko dan memerlukan jalan, distrik, provinsi, dan kode pos lima digitnya. Tambahkan semuanya ke alamat penjemputan toko, lalu minta penjemputan lagi.",
};
