import type { ProblemTranslations } from "../types";

/** Indonesian problem details of addresses (a postal code not of its country, one sentence per country), keyed by the English template. */
export const addresses: ProblemTranslations = {
  "That postal code does not exist in Thailand: use 5 digits, e.g. {0} (Bangkok).":
    "Kode pos tersebut tidak ada di Thailand: gunakan 5 angka, misalnya {0} (Bangkok).",
  "That postal code does not exist in Singapore: use 6 digits, e.g. {0}.":
    "Kode pos tersebut tidak ada di Singapura: gunakan 6 angka, misalnya {0}.",
  "That postal code does not exist in Indonesia: use 5 digits, e.g. {0} (Central Jakarta).":
    "Kode pos tersebut tidak ada di Indonesia: gunakan 5 angka, misalnya {0} (Jakarta Pusat).",
  "That postal code does not exist in Malaysia: use 5 digits, e.g. {0} (Kuala Lumpur).":
    "Kode pos tersebut tidak ada di Malaysia: gunakan 5 angka, misalnya {0} (Kuala Lumpur).",
  "That postal code does not exist in the Philippines: use 4 digits, e.g. {0} (Manila).":
    "Kode pos tersebut tidak ada di Filipina: gunakan 4 angka, misalnya {0} (Manila).",
  "That postal code does not exist in Vietnam: use 5 digits, e.g. {0} (Ho Chi Minh City).":
    "Kode pos tersebut tidak ada di Vietnam: gunakan 5 angka, misalnya {0} (Kota Ho Chi Minh).",
};
