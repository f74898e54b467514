import type { ProblemTranslations } from "../types";

/** Malay problem details of seller and platform vouchers, keyed by the English template. */
export const vouchers: ProblemTranslations = {
  "A free shipping voucher has no value: leave value out.":
    "Baucar penghantaran percuma tiada nilai: jangan isi value.",
  "A percent voucher's value is a whole percent from 1 to 100.":
    "Nilai baucar peratus ialah peratus bulat dari 1 hingga 100.",
  "A fixed voucher's value is the amount it takes off in minor units, at least 1.":
    "Nilai baucar amaun tetap ialah potongannya dalam unit kecil mata wang, sekurang-kurangnya 1.",
  "Amounts in {0} are whole units: send a multiple of {1}.": "Amaun dalam {0} mestilah unit bulat: hantar gandaan {1}.",
  "This voucher's amounts are in {0}.": "Amaun baucar ini mestilah dalam {0}.",
  "Amounts cannot be negative.": "Amaun tidak boleh negatif.",
  "endsAt must be later than startsAt.": "endsAt mestilah selepas startsAt.",
  "endsAt is already past: choose an end in the future.": "endsAt sudah berlalu: pilih masa tamat pada masa hadapan.",
  "This voucher was already used {0} times: totalLimit cannot be lower.":
    "Baucar ini sudah digunakan {0} kali: totalLimit tidak boleh lebih rendah.",
  "A fixed voucher takes off its value: leave maxDiscount out.":
    "Baucar amaun tetap memotong mengikut nilainya: jangan isi maxDiscount.",
  "A voucher with this code exists already. Choose another code.": "Baucar dengan kod ini sudah wujud. Pilih kod lain.",
  "There is no voucher with this id.": "Tiada baucar dengan id ini.",
  "Only an admin can change a platform voucher.": "Hanya pentadbir boleh mengubah baucar platform.",
  "This voucher was used meanwhile beyond that totalLimit. Read it again and choose a higher limit.":
    "Sementara itu baucar ini telah digunakan melebihi totalLimit tersebut. Muat semula dan pilih had yang lebih tinggi.",
  "This voucher is no longer available.": "Baucar ini tidak lagi tersedia.",
  "Use at most one shop voucher and one platform voucher per checkout.":
    "Gunakan paling banyak satu baucar kedai dan satu baucar platform bagi setiap pembayaran.",
};
