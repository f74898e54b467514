import type { SellerSettingsMessages } from "./en";

export const sellerSettingsFil: SellerSettingsMessages = {
  "seller.settings": "Mga setting ng shop",
  "sellerSettings.intro":
    "Pampubliko ang pangalan at paglalarawan ng iyong shop. Ikaw at ang staff ng platform lang ang nakakakita ng contact at pickup address nito.",
  "sellerSettings.shop": "Tindahan",
  "sellerSettings.name": "Pangalan ng shop",
  "sellerSettings.description": "Paglalarawan",
  "sellerSettings.contact": "Kontak",
  "sellerSettings.phone": "Telepono",
  "sellerSettings.email": "Email",
  "sellerSettings.address": "Address ng negosyo (isang linya)",
  "sellerSettings.pickup": "Address para sa pickup",
  "sellerSettings.pickupHelp":
    "Kung saan kinukuha ng courier ang iyong mga parcel. Ang mga courier gaya ng Flash Express at GHN ay nagpepresyo at nagbu-book ayon sa distrito, probinsya at postal code nito.",
  "sellerSettings.country": "Bansa: {country} (bansa ng shop, itinakda nang magbukas ito)",
  "sellerSettings.street": "Kalye at numero",
  "sellerSettings.street2": "Gusali, palapag, unit (opsyonal)",
  "sellerSettings.city": "Distrito / lungsod",
  "sellerSettings.cityHint":
    "Thailand: sub-district, distrito (Khlong Toei Nuea, Watthana). Vietnam: ward, distrito (Phường Bến Nghé, Quận 1). Indonesia: kecamatan o kota.",
  "sellerSettings.province": "Probinsya",
  "sellerSettings.postalCode": "ZIP code",
  "sellerSettings.pickupIncomplete":
    "Punan ang kalye, distrito, probinsya at postal code ng pickup address, o iwanang blangko ang lahat.",
  "sellerSettings.save": "I-save ang mga setting",
  "sellerSettings.saving": "Sine-save…",
  "sellerSettings.saved": "Na-save ang mga setting.",
};
