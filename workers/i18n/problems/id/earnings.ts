import type { ProblemTranslations } from "../types";

/** Indonesian problem details of shop earnings, payouts, statements and sales reports, keyed by the English template. */
export const earnings: ProblemTranslations = {
  "Payouts to a bank are available in {0}. Pay out to your wallet instead.":
    "Pencairan ke rekening bank tersedia dalam {0}. Cairkan ke dompet Anda saja.",
  "This shop is paid out in {0}. Ask for an amount in {1}.": "Toko ini dicairkan dalam {0}. Masukkan jumlah dalam {1}.",
  "The amount is not a whole number of the currency's smallest unit. Round it.":
    "Jumlahnya bukan bilangan bulat dari satuan terkecil mata uang. Bulatkan.",
  "Only {0} is available to pay out. Ask for at most that amount.":
    "Hanya {0} yang tersedia untuk dicairkan. Masukkan paling banyak jumlah itu.",
  "Give to as a date (2026-12-31) or an ISO date-time (2026-12-31T17:00:00Z).":
    "Isi to sebagai tanggal (2026-12-31) atau tanggal-waktu ISO (2026-12-31T17:00:00Z).",
  "Give from as a date (2026-12-01) or an ISO date-time (2026-12-01T00:00:00Z).":
    "Isi from sebagai tanggal (2026-12-01) atau tanggal-waktu ISO (2026-12-01T00:00:00Z).",
  "The period is empty: from must come before to.": "Periodenya kosong: from harus sebelum to.",
  "A period covers at most {0} days. Ask for a shorter one.":
    "Satu periode mencakup paling lama {0} hari. Minta periode yang lebih pendek.",
  "Give granularity as day, week or month.": "Isi granularity dengan day, week, atau month.",
  "A statement lists at most {0} entries. Ask for a shorter period.":
    "Satu laporan mutasi memuat paling banyak {0} entri. Minta periode yang lebih pendek.",
};
