import type { ProblemTranslations } from "../types";

/** Problem details of the operators' admin API (users, payments), keyed by the English template. */
export const opsAdmin: ProblemTranslations = {
  "Search by one exact value: a phone number in international form such as +66812345678 (or a national number with its country), an email address, or a user id starting with usr_.":
    "Cari dengan satu nilai yang persis: nomor telepon dalam format internasional seperti +66812345678 (atau nomor nasional beserta negaranya), alamat email, atau ID pengguna yang diawali usr_.",
  "This payment was never paid, so there is nothing to refund.":
    "Pembayaran ini tidak pernah dibayar, jadi tidak ada yang bisa dikembalikan.",
  "A cash-on-delivery payment was paid in cash to the courier: refund it to the buyer's wallet or by bank transfer instead.":
    "Pembayaran COD dibayar tunai kepada kurir: kembalikan dananya ke dompet pembeli atau lewat transfer bank.",
  "At most {0} of this payment can still be refunded. Enter an amount up to that.":
    "Dari pembayaran ini paling banyak {0} yang masih bisa dikembalikan. Masukkan jumlah sampai batas itu.",
  "The amount is not in the payment's currency. Give it in the payment's currency.":
    "Jumlahnya tidak dalam mata uang pembayaran. Berikan dalam mata uang pembayaran.",
  "Enter an amount above zero.": "Masukkan jumlah di atas nol.",
  "This refund is being made right now. Look at the payment again in a minute.":
    "Pengembalian dana ini sedang diproses. Lihat pembayarannya lagi dalam satu menit.",
  "The payment gateway did not accept the refund. Nothing was refunded; try again with the same Idempotency-Key.":
    "Gateway pembayaran tidak menerima pengembalian dana. Tidak ada yang dikembalikan; coba lagi dengan Idempotency-Key yang sama.",
};
