import type { ProblemTranslations } from "../types";

/** Indonesian problem details of the GHN courier (workers/logistics/couriers/ghn.ts), keyed by the English template. */
export const couriersGhn: ProblemTranslations = {
  "GHN collects cash on delivery in Vietnamese dong only.": "GHN menagih bayar di tempat hanya dalam dong Vietnam.",
  "GHN cannot find the ward and district of the delivery address. The address needs its ward and district in the city field (for example Phường 14, Quận 10) and a Vietnamese province: choose another courier, or ask the buyer to correct the address.":
    "GHN tidak menemukan kelurahan dan distrik alamat pengiriman. Alamat perlu mencantumkan kelurahan dan distrik di kolom kota (misalnya Phường 14, Quận 10) serta provinsi di Vietnam: pilih kurir lain, atau minta pembeli memperbaiki alamatnya.",
  "GHN could not be asked about this order just now. Nothing was changed.":
    "GHN tidak dapat ditanya tentang pesanan ini saat ini. Tidak ada yang diubah.",
  "GHN cannot find the ward and district of the shop's pickup address. Write its ward and district (for example Phường 14, Quận 10) and its province in the shop's pickup address, then book again.":
    "GHN tidak menemukan kelurahan dan distrik alamat penjemputan toko. Tulis kelurahan dan distriknya (misalnya Phường 14, Quận 10) serta provinsinya di alamat penjemputan toko, lalu pesan lagi.",
};
