import type { ProblemTranslations } from "../types";

/** Malay problem details of shop earnings, payouts, statements and sales reports, keyed by the English template. */
export const earnings: ProblemTranslations = {
  "Payouts to a bank are available in {0}. Pay out to your wallet instead.":
    "Pembayaran keluar ke akaun bank tersedia dalam {0}. Bayar keluar ke dompet anda sahaja.",
  "This shop is paid out in {0}. Ask for an amount in {1}.":
    "Kedai ini dibayar keluar dalam {0}. Minta jumlah dalam {1}.",
  "The amount is not a whole number of the currency's smallest unit. Round it.":
    "Jumlah ini bukan nombor bulat unit terkecil mata wang. Bundarkannya.",
  "Only {0} is available to pay out. Ask for at most that amount.":
    "Hanya {0} tersedia untuk dibayar keluar. Minta paling banyak jumlah itu.",
  "Give to as a date (2026-12-31) or an ISO date-time (2026-12-31T17:00:00Z).":
    "Berikan to sebagai tarikh (2026-12-31) atau tarikh-masa ISO (2026-12-31T17:00:00Z).",
  "Give from as a date (2026-12-01) or an ISO date-time (2026-12-01T00:00:00Z).":
    "Berikan from sebagai tarikh (2026-12-01) atau tarikh-masa ISO (2026-12-01T00:00:00Z).",
  "The period is empty: from must come before to.": "Tempoh ini kosong: from mesti sebelum to.",
  "A period covers at most {0} days. Ask for a shorter one.":
    "Satu tempoh meliputi paling lama {0} hari. Minta tempoh yang lebih pendek.",
  "Give granularity as day, week or month.": "Berikan granularity sebagai day, week atau month.",
  "A statement lists at most {0} entries. Ask for a shorter period.":
    "Satu penyata menyenaraikan paling banyak {0} catatan. Minta tempoh yang lebih pendek.",
};
