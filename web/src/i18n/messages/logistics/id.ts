import type { logisticsEn } from "./en";

/** Indonesian logistics words (same keys as logisticsEn). */
export const logisticsId: Record<keyof typeof logisticsEn, string> = {
  "logistics.title": "Pengiriman",
  "logistics.none": "Belum ada kurir yang dipesan.",
  "logistics.book": "Pesan kurir",
  "logistics.booking": "Memesan…",
  "logistics.courier": "Kurir",
  "logistics.service": "Layanan",
  "logistics.cod": "bayar di tempat",
  "logistics.codCollect": "Kurir menagih {amount} saat paket tiba.",
  "logistics.label": "Cetak label",
  "logistics.cancel": "Batalkan pemesanan",
  "logistics.cancelling": "Membatalkan…",
  "logistics.cancelConfirm": "Batalkan pemesanan ini? Kurir belum menjemput paket.",
  "logistics.pickup.ask": "Minta penjemputan",
  "logistics.pickup.asking": "Menghubungi kurir…",
  "logistics.pickup.window": "Kurir datang antara {from} dan {until}.",
  "logistics.pickup.waiting":
    "Menunggu Flash menerima penjemputan: penjemputan Flash toko lain masih terbuka. Kami mengajukan penjemputan Anda begitu Flash menerimanya; Anda tidak perlu melakukan apa pun.",
  "logistics.tracking": "Lacak paket",
  "logistics.trackingNumber": "Nomor resi",
  "logistics.status.booked": "Dipesan",
  "logistics.status.picked_up": "Dijemput",
  "logistics.status.in_transit": "Dalam perjalanan",
  "logistics.status.out_for_delivery": "Sedang diantar",
  "logistics.status.delivered": "Terkirim",
  "logistics.status.failed": "Gagal dikirim",
  "logistics.status.returned": "Dikembalikan ke toko",
  "logistics.status.cancelled": "Pemesanan dibatalkan",
  "pay.kind.cash": "Bayar di tempat (COD)",
  "timeline.paymentCollected": "Tunai diterima saat pengiriman",
};
