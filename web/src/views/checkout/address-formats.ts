// How an address is written in each country we ship to: which fields a person fills in, what the
// region and locality are called there, and the postal code's shape (the server checks it again
// and answers 422 with the country's format; this only guides the form and the shipping quote).

export const COUNTRIES = ["TH", "SG", "ID", "MY", "PH", "VN"] as const;
export type Country = (typeof COUNTRIES)[number];

export interface AddressFormat {
  postal: RegExp;
  postalExample: string;
  phoneExample: string;
  /** What the first-level division is called; null where there is none (Singapore). */
  region: "province" | "state" | null;
  /** What the locality line holds: a district (Khet/Amphoe, Quận) or a city/municipality. */
  locality: "district" | "city";
  /** City and region of a city-state, filled in for the buyer. */
  fixed?: { city: string; province: string };
}

export const ADDRESS_FORMATS: Record<Country, AddressFormat> = {
  TH: {
    postal: /^\d{5}$/,
    postalExample: "10110",
    phoneExample: "081 234 5678",
    region: "province",
    locality: "district",
  },
  SG: {
    postal: /^\d{6}$/,
    postalExample: "018956",
    phoneExample: "8123 4567",
    region: null,
    locality: "city",
    fixed: { city: "Singapore", province: "Singapore" },
  },
  ID: {
    postal: /^\d{5}$/,
    postalExample: "12190",
    phoneExample: "0812 3456 7890",
    region: "province",
    locality: "city",
  },
  MY: { postal: /^\d{5}$/, postalExample: "50450", phoneExample: "012 345 6789", region: "state", locality: "city" },
  PH: { postal: /^\d{4}$/, postalExample: "1226", phoneExample: "0917 123 4567", region: "province", locality: "city" },
  VN: {
    postal: /^\d{6}$/,
    postalExample: "700000",
    phoneExample: "091 234 5678",
    region: "province",
    locality: "district",
  },
};

export function isCountry(value: string | undefined | null): value is Country {
  return (COUNTRIES as readonly string[]).includes(value ?? "");
}

/** The country a cart in `currency` most likely ships to: the form's first choice. */
export function countryOfCurrency(currency: string | null | undefined): Country {
  const byCurrency: Record<string, Country> = { THB: "TH", SGD: "SG", IDR: "ID", MYR: "MY", PHP: "PH", VND: "VN" };
  return byCurrency[currency ?? ""] ?? "TH";
}

export interface AddressDraft {
  recipientName: string;
  phone: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  country: Country;
}

export function emptyAddress(country: Country): AddressDraft {
  const fixed = ADDRESS_FORMATS[country].fixed;
  return {
    recipientName: "",
    phone: "",
    street: "",
    city: fixed?.city ?? "",
    province: fixed?.province ?? "",
    postalCode: "",
    country,
  };
}

/** Whether the destination is complete enough to ask for shipping rates. */
export function hasDestination(address: Pick<AddressDraft, "country" | "postalCode">): boolean {
  return ADDRESS_FORMATS[address.country].postal.test(address.postalCode.trim());
}

/** Where shipping rates are asked for: couriers that price by area (GHN) need the city and province too, when given. */
export interface RateDestination {
  country: string;
  postalCode: string;
  city?: string;
  province?: string;
}

export function rateDestination(address: {
  country: string;
  postalCode: string;
  city: string;
  province: string;
}): RateDestination {
  const city = address.city.trim();
  const province = address.province.trim();
  return {
    country: address.country,
    postalCode: address.postalCode.trim(),
    ...(city ? { city } : {}),
    ...(province ? { province } : {}),
  };
}

/** Whether every field the checkout needs is filled in (the server still checks each one). */
export function isComplete(address: AddressDraft): boolean {
  return (
    hasDestination(address) &&
    [address.recipientName, address.phone, address.street, address.city, address.province].every((v) => v.trim() !== "")
  );
}
