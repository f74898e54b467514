import type { ProblemTranslations } from "../types";

/** Malay problem details of the GHN courier (workers/logistics/couriers/ghn.ts), keyed by the English template. */
export const couriersGhn: ProblemTranslations = {
  "GHN collects cash on delivery in Vietnamese dong only.":
    "GHN mengutip tunai semasa penghantaran dalam dong Vietnam sahaja.",
  "GHN cannot find the ward and district of the delivery address. The address needs its ward and district in the city field (for example Phường 14, Quận 10) and a Vietnamese province: choose another courier, or ask the buyer to correct the address.":
    "GHN tidak menemui wad dan daerah alamat penghantaran. Alamat perlu menyatakan wad dan daerah dalam medan bandar (contohnya Phường 14, Quận 10) dan wilayah di Vietnam: pilih kurier lain, atau minta pembeli membetulkan alamat.",
  "GHN could not be asked about this order just now. Nothing was changed.":
    "GHN tidak dapat ditanya tentang pesanan ini buat masa ini. Tiada apa-apa yang diubah.",
  "GHN cannot find the ward and district of the shop's pickup address. Write its ward and district (for example Phường 14, Quận 10) and its province in the shop's pickup address, then book again.":
    "GHN tidak dapat mencari wad dan daerah alamat pengambilan kedai. Tulis wad dan daerahnya (contohnya Phường 14, Quận 10) serta wilayahnya dalam alamat pengambilan kedai, kemudian tempah sekali lagi.",
};
