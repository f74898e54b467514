import type { SellerSettingsMessages } from "./en";

export const sellerSettingsMs: SellerSettingsMessages = {
  "seller.settings": "Tetapan kedai",
  "sellerSettings.intro":
    "Nama dan keterangan kedai anda adalah awam. Hubungan dan alamat pengambilan hanya dilihat oleh anda dan kakitangan platform.",
  "sellerSettings.shop": "Kedai",
  "sellerSettings.name": "Nama kedai",
  "sellerSettings.description": "Keterangan",
  "sellerSettings.contact": "Hubungan",
  "sellerSettings.phone": "Telefon",
  "sellerSettings.email": "E-mel",
  "sellerSettings.address": "Alamat perniagaan (satu baris)",
  "sellerSettings.pickup": "Alamat pengambilan",
  "sellerSettings.pickupHelp":
    "Tempat kurier mengambil bungkusan anda. Kurier seperti Flash Express dan GHN mengira harga dan membuat tempahan mengikut daerah, negeri dan poskodnya.",
  "sellerSettings.country": "Negara: {country} (negara kedai, ditetapkan semasa kedai dibuka)",
  "sellerSettings.street": "Jalan dan nombor",
  "sellerSettings.street2": "Bangunan, tingkat, unit (pilihan)",
  "sellerSettings.city": "Daerah / bandar",
  "sellerSettings.cityHint":
    "Thailand: subdaerah, daerah (Khlong Toei Nuea, Watthana). Vietnam: wad, daerah (Phường Bến Nghé, Quận 1). Indonesia: kecamatan atau kota.",
  "sellerSettings.province": "Negeri / wilayah",
  "sellerSettings.postalCode": "Poskod",
  "sellerSettings.pickupIncomplete":
    "Isikan jalan, daerah, negeri dan poskod alamat pengambilan, atau biarkan semuanya kosong.",
  "sellerSettings.save": "Simpan tetapan",
  "sellerSettings.saving": "Menyimpan…",
  "sellerSettings.saved": "Tetapan disimpan.",
};
