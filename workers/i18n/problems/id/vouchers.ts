import type { ProblemTranslations } from "../types";

/** Indonesian problem details of seller and platform vouchers, keyed by the English template. */
export const vouchers: ProblemTranslations = {
  "A free shipping voucher has no value: leave value out.": "Voucher gratis ongkir tidak punya nilai: kosongkan value.",
  "A percent voucher's value is a whole percent from 1 to 100.":
    "Nilai voucher persen adalah persen bulat dari 1 sampai 100.",
  "A fixed voucher's value is the amount it takes off in minor units, at least 1.":
    "Nilai voucher nominal tetap adalah potongannya dalam satuan terkecil mata uang, minimal 1.",
  "Amounts in {0} are whole units: send a multiple of {1}.":
    "Jumlah dalam {0} harus satuan bulat: kirim kelipatan {1}.",
  "This voucher's amounts are in {0}.": "Jumlah pada voucher ini harus dalam {0}.",
  "Amounts cannot be negative.": "Jumlah tidak boleh negatif.",
  "endsAt must be later than startsAt.": "endsAt harus setelah startsAt.",
  "endsAt is already past: choose an end in the future.": "endsAt sudah lewat: pilih waktu berakhir di masa depan.",
  "This voucher was already used {0} times: totalLimit cannot be lower.":
    "Voucher ini sudah dipakai {0} kali: totalLimit tidak boleh lebih rendah.",
  "A fixed voucher takes off its value: leave maxDiscount out.":
    "Voucher nominal tetap memotong sebesar nilainya: kosongkan maxDiscount.",
  "A voucher with this code exists already. Choose another code.":
    "Voucher dengan kode ini sudah ada. Pilih kode lain.",
  "There is no voucher with this id.": "Tidak ada voucher dengan id ini.",
  "Only an admin can change a platform voucher.": "Hanya admin yang dapat mengubah voucher platform.",
  "This voucher was used meanwhile beyond that totalLimit. Read it again and choose a higher limit.":
    "Sementara itu voucher ini sudah dipakai melebihi totalLimit tersebut. Muat ulang dan pilih batas yang lebih tinggi.",
  "This voucher is no longer available.": "Voucher ini sudah tidak tersedia.",
  "Use at most one shop voucher and one platform voucher per checkout.":
    "Gunakan paling banyak satu voucher toko dan satu voucher platform per checkout.",
};
