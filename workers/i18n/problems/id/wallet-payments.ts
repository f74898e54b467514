import type { ProblemTranslations } from "../types";

/** Indonesian problem details of paying from the wallet and of top-ups, keyed by the English template. */
export const walletPayments: ProblemTranslations = {
  "{0} amounts are whole multiples of {1} minor units.": "Jumlah {0} harus kelipatan {1} satuan terkecil.",
  "This top-up is being started right now. Try again in a moment.":
    "Isi ulang ini sedang dimulai. Coba lagi sebentar lagi.",
  "Your wallet has {0} available, less than the {1} to pay. Top up or choose another way to pay.":
    "Dompet Anda memiliki saldo tersedia {0}, kurang dari {1} yang harus dibayar. Isi ulang atau pilih cara bayar lain.",
  "Sign in to pay from your wallet.": "Masuk untuk membayar dari dompet Anda.",
  "This wallet payment was given up before it went through, and nothing was taken from your wallet. Pay again with a new request.":
    "Pembayaran dompet ini dibatalkan sebelum berhasil, dan tidak ada dana yang diambil dari dompet Anda. Bayar lagi dengan permintaan baru.",
  "Pay from the wallet with method wallet.": "Bayar dari dompet dengan method wallet.",
  "Your wallet can hold at most {0}; a top-up of up to {1} fits now.":
    "Dompet Anda dapat menampung paling banyak {0}; isi ulang hingga {1} masih muat sekarang.",
  "This Idempotency-Key already started a top-up of another amount. Use a new key for a new top-up.":
    "Idempotency-Key ini sudah memulai isi ulang dengan jumlah lain. Gunakan kunci baru untuk isi ulang baru.",
};
