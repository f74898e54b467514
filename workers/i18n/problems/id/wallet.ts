import type { ProblemTranslations } from "../types";

/** Indonesian problem details of the wallet and transfers, keyed by the English template. */
export const wallet: ProblemTranslations = {
  "One transfer may be at most {0} at your verification level. Send less.":
    "Satu transfer paling banyak {0} pada tingkat verifikasi Anda. Kirim lebih sedikit.",
  "You can send {0} in any 24 hours; {1} of it remains now.":
    "Anda dapat mengirim {0} dalam 24 jam; sisanya sekarang {1}.",
  "The recipient's wallet cannot hold this amount now (its balance limit). Nothing was sent; send less or ask them to make room.":
    "Dompet penerima tidak dapat menampung jumlah ini sekarang (batas saldonya). Tidak ada yang terkirim; kirim lebih sedikit atau minta penerima mengosongkan ruang.",
  "Your wallet has {0} available, less than this transfer. Top up or send less.":
    "Dompet Anda memiliki saldo tersedia {0}, kurang dari transfer ini. Isi saldo atau kirim lebih sedikit.",
  "Your wallet is restricted: it can receive money but not send it. Contact support to lift the restriction.":
    "Dompet Anda dibatasi: dapat menerima uang tetapi tidak dapat mengirim. Hubungi dukungan untuk mencabut pembatasan.",
  "This Idempotency-Key already started a transfer to another recipient, amount or note. Use a new key for a new transfer.":
    "Idempotency-Key ini sudah memulai transfer ke penerima, jumlah, atau catatan lain. Gunakan kunci baru untuk transfer baru.",
  "You cannot send money to yourself. Choose another recipient.":
    "Anda tidak dapat mengirim uang ke diri sendiri. Pilih penerima lain.",
  "There is no active account with this user id. Check the recipient.":
    "Tidak ada akun aktif dengan id pengguna ini. Periksa penerima.",
  "No active account uses this phone number. Check the number, or ask the person to sign up first.":
    "Tidak ada akun aktif yang memakai nomor telepon ini. Periksa nomornya, atau minta orang tersebut mendaftar terlebih dahulu.",
  "There is no wallet transaction with this id in your wallet.":
    "Tidak ada transaksi dompet dengan id ini di dompet Anda.",
};
