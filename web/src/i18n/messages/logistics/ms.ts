import type { logisticsEn } from "./en";

/** Malay logistics words (same keys as logisticsEn). */
export const logisticsMs: Record<keyof typeof logisticsEn, string> = {
  "logistics.title": "Penghantaran",
  "logistics.none": "Belum ada kurier ditempah.",
  "logistics.book": "Tempah kurier",
  "logistics.booking": "Menempah…",
  "logistics.courier": "Kurier",
  "logistics.service": "Perkhidmatan",
  "logistics.cod": "bayar semasa penghantaran",
  "logistics.codCollect": "Kurier akan mengutip {amount} semasa penghantaran.",
  "logistics.label": "Cetak label",
  "logistics.cancel": "Batalkan tempahan",
  "logistics.cancelling": "Membatalkan…",
  "logistics.cancelConfirm": "Batalkan tempahan ini? Kurier belum mengambil bungkusan.",
  "logistics.pickup.ask": "Minta pengambilan",
  "logistics.pickup.asking": "Menghubungi kurier…",
  "logistics.pickup.window": "Kurier datang antara {from} dan {until}.",
  "logistics.pickup.waiting":
    "Menunggu Flash menerima pengambilan: pengambilan Flash kedai lain masih terbuka. Kami menghantar pengambilan anda sebaik sahaja Flash menerimanya; anda tidak perlu berbuat apa-apa.",
  "logistics.tracking": "Jejak bungkusan",
  "logistics.trackingNumber": "Nombor penjejakan",
  "logistics.status.booked": "Ditempah",
  "logistics.status.picked_up": "Diambil",
  "logistics.status.in_transit": "Dalam perjalanan",
  "logistics.status.out_for_delivery": "Sedang dihantar",
  "logistics.status.delivered": "Dihantar",
  "logistics.status.failed": "Penghantaran gagal",
  "logistics.status.returned": "Dipulangkan ke kedai",
  "logistics.status.cancelled": "Tempahan dibatalkan",
  "pay.kind.cash": "Bayar semasa penghantaran",
  "timeline.paymentCollected": "Tunai dikutip semasa penghantaran",
};
