/** English shop settings words (the "seller.settings" label and the "sellerSettings.*" block): the reference for the other five. */
export const sellerSettingsEn = {
  "seller.settings": "Shop settings",
  "sellerSettings.intro":
    "Your shop's name and description are public. Its contact and pickup address are seen only by you and the platform's staff.",
  "sellerSettings.shop": "Shop",
  "sellerSettings.name": "Shop name",
  "sellerSettings.description": "Description",
  "sellerSettings.contact": "Contact",
  "sellerSettings.phone": "Phone",
  "sellerSettings.email": "Email",
  "sellerSettings.address": "Business address (one line)",
  "sellerSettings.pickup": "Pickup address",
  "sellerSettings.pickupHelp":
    "Where couriers collect your parcels. Couriers such as Flash Express and GHN price and book by its district, province and postal code.",
  "sellerSettings.country": "Country: {country} (the shop's country, fixed when it opened)",
  "sellerSettings.street": "Street and number",
  "sellerSettings.street2": "Building, floor, unit (optional)",
  "sellerSettings.city": "District",
  "sellerSettings.cityHint":
    "Thailand: sub-district, district (Khlong Toei Nuea, Watthana). Vietnam: ward, district (Phường Bến Nghé, Quận 1). Indonesia: kecamatan or kota.",
  "sellerSettings.province": "Province",
  "sellerSettings.postalCode": "Postal code",
  "sellerSettings.pickupIncomplete":
    "Fill in the street, district, province and postal code of the pickup address, or leave them all empty.",
  "sellerSettings.save": "Save settings",
  "sellerSettings.saving": "Saving…",
  "sellerSettings.saved": "Settings saved.",
};

export type SellerSettingsMessages = typeof sellerSettingsEn;
