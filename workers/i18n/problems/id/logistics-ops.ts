import type { ProblemTranslations } from "../types";

/** Indonesian problem details of COD remittances and pickups, keyed by the English template. */
export const logisticsOps: ProblemTranslations = {
  "There is no courier {0} here.": "Tidak ada kurir {0} di sini.",
  "Every item of one remittance must be in the same currency.":
    "Semua item dalam satu setoran harus dalam mata uang yang sama.",
  "This remittance changed while it was recorded. Read it again.":
    "Setoran ini berubah saat sedang dicatat. Baca kembali.",
  "The remittance {0} of {1} is already recorded with other items. Record a correction under a new reference.":
    "Setoran {0} dari {1} sudah tercatat dengan item lain. Catat koreksinya dengan referensi baru.",
  "The report covers at most {0} parcels. Ask for a later since, or for one courier.":
    "Laporan mencakup paling banyak {0} paket. Minta since yang lebih baru, atau untuk satu kurir saja.",
  "There is no remittance with this id.": "Tidak ada setoran dengan id ini.",
  "The parcel is {0}, so there is nothing for the courier to pick up. Book a courier again if it must still go.":
    "Paket berstatus {0}, jadi tidak ada yang perlu dijemput kurir. Pesan kurir lagi jika paket masih harus dikirim.",
  "There is no order for this shipment.": "Tidak ada pesanan untuk pengiriman ini.",
  "The courier {0} takes no pickup requests. Hand the parcel in at one of its drop-off points.":
    "Kurir {0} tidak menerima permintaan penjemputan. Serahkan paket di salah satu titik drop-off-nya.",
  "The courier did not confirm the pickup. Try again in a few minutes.":
    "Kurir belum mengonfirmasi penjemputan. Coba lagi dalam beberapa menit.",
  "Biteship needs the shop's postal code: fill in the pickup address (with its five-digit kode pos) in Shop settings and book again.":
    "Biteship memerlukan kode pos toko: isi alamat penjemputan (dengan kode pos lima digit) di Pengaturan toko lalu pesan lagi.",
  "Biteship needs the recipient's five-digit postal code. Correct the order's shipping address and book again.":
    "Biteship memerlukan kode pos lima digit penerima. Perbaiki alamat pengiriman pesanan lalu pesan lagi.",
  "The first line of the CSV must name the columns tracking_number, amount and currency, e.g. tracking_number,amount,currency.":
    "Baris pertama CSV harus menamai kolom tracking_number, amount, dan currency, misalnya tracking_number,amount,currency.",
  "A CSV statement names its courier and reference in the query string: ?courier=...&reference=...":
    "Laporan CSV menyebutkan kurir dan referensinya di query string: ?courier=...&reference=...",
  "The CSV has no lines after its header. Add one line per parcel.":
    "CSV tidak memiliki baris setelah header. Tambahkan satu baris per paket.",
  "A CSV statement holds at most {0} lines. Split it into statements under their own references.":
    "Satu laporan CSV berisi paling banyak {0} baris. Pisahkan menjadi beberapa laporan dengan referensi masing-masing.",
  "Some lines of the CSV are refused, so nothing was recorded. Fix the lines listed in errors and send the file again.":
    "Beberapa baris CSV ditolak, jadi tidak ada yang dicatat. Perbaiki baris yang tercantum di errors lalu kirim file lagi.",
};
