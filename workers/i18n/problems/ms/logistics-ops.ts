import type { ProblemTranslations } from "../types";

/** Malay problem details of COD remittances and pickups, keyed by the English template. */
export const logisticsOps: ProblemTranslations = {
  "There is no courier {0} here.": "Tiada kurier {0} di sini.",
  "Every item of one remittance must be in the same currency.":
    "Setiap item dalam satu remitan mestilah dalam mata wang yang sama.",
  "This remittance changed while it was recorded. Read it again.":
    "Remitan ini berubah semasa direkodkan. Baca semula.",
  "The remittance {0} of {1} is already recorded with other items. Record a correction under a new reference.":
    "Remitan {0} daripada {1} sudah direkodkan dengan item lain. Rekodkan pembetulan di bawah rujukan baharu.",
  "The report covers at most {0} parcels. Ask for a later since, or for one courier.":
    "Laporan meliputi paling banyak {0} bungkusan. Minta since yang lebih lewat, atau untuk satu kurier sahaja.",
  "There is no remittance with this id.": "Tiada remitan dengan id ini.",
  "The parcel is {0}, so there is nothing for the courier to pick up. Book a courier again if it must still go.":
    "Bungkusan berstatus {0}, jadi tiada apa untuk dipungut oleh kurier. Tempah kurier semula jika ia masih perlu dihantar.",
  "There is no order for this shipment.": "Tiada pesanan bagi penghantaran ini.",
  "The courier {0} takes no pickup requests. Hand the parcel in at one of its drop-off points.":
    "Kurier {0} tidak menerima permintaan pungutan. Serahkan bungkusan di salah satu titik serahannya.",
  "The courier did not confirm the pickup. Try again in a few minutes.":
    "Kurier belum mengesahkan pungutan. Cuba lagi dalam beberapa minit.",
  "Biteship needs the shop's postal code: fill in the pickup address (with its five-digit kode pos) in Shop settings and book again.":
    "Biteship memerlukan poskod kedai: isi alamat pengambilan (dengan poskod lima digit) dalam Tetapan kedai dan tempah semula.",
  "Biteship needs the recipient's five-digit postal code. Correct the order's shipping address and book again.":
    "Biteship memerlukan poskod lima digit penerima. Betulkan alamat penghantaran pesanan dan tempah semula.",
  "The first line of the CSV must name the columns tracking_number, amount and currency, e.g. tracking_number,amount,currency.":
    "Baris pertama CSV mesti menamakan lajur tracking_number, amount dan currency, contohnya tracking_number,amount,currency.",
  "A CSV statement names its courier and reference in the query string: ?courier=...&reference=...":
    "Penyata CSV menamakan kurier dan rujukannya dalam query string: ?courier=...&reference=...",
  "The CSV has no lines after its header. Add one line per parcel.":
    "CSV tiada baris selepas pengepalanya. Tambahkan satu baris bagi setiap bungkusan.",
  "A CSV statement holds at most {0} lines. Split it into statements under their own references.":
    "Satu penyata CSV memuatkan paling banyak {0} baris. Pecahkan kepada beberapa penyata dengan rujukan masing-masing.",
  "Some lines of the CSV are refused, so nothing was recorded. Fix the lines listed in errors and send the file again.":
    "Sesetengah baris CSV ditolak, jadi tiada apa yang direkodkan. Betulkan baris yang disenaraikan dalam errors dan hantar fail semula.",
};
