import type { ProblemTranslations } from "../types";

/** Malay problem details of paying from the wallet and of top-ups, keyed by the English template. */
export const walletPayments: ProblemTranslations = {
  "{0} amounts are whole multiples of {1} minor units.": "Amaun {0} mestilah gandaan {1} unit kecil.",
  "This top-up is being started right now. Try again in a moment.":
    "Tambah nilai ini sedang dimulakan. Cuba lagi sebentar lagi.",
  "Your wallet has {0} available, less than the {1} to pay. Top up or choose another way to pay.":
    "Dompet anda mempunyai baki tersedia {0}, kurang daripada {1} yang perlu dibayar. Tambah nilai atau pilih cara bayaran lain.",
  "Sign in to pay from your wallet.": "Log masuk untuk membayar dari dompet anda.",
  "This wallet payment was given up before it went through, and nothing was taken from your wallet. Pay again with a new request.":
    "Pembayaran dompet ini dibatalkan sebelum berjaya, dan tiada wang diambil dari dompet anda. Bayar semula dengan permintaan baharu.",
  "Pay from the wallet with method wallet.": "Bayar dari dompet dengan method wallet.",
  "Your wallet can hold at most {0}; a top-up of up to {1} fits now.":
    "Dompet anda boleh menyimpan paling banyak {0}; tambah nilai sehingga {1} masih muat sekarang.",
  "This Idempotency-Key already started a top-up of another amount. Use a new key for a new top-up.":
    "Idempotency-Key ini sudah memulakan tambah nilai dengan amaun lain. Gunakan kunci baharu untuk tambah nilai baharu.",
};
