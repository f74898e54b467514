import type { ProblemTranslations } from "../types";

/** Malay problem details of addresses (a postal code not of its country, one sentence per country), keyed by the English template. */
export const addresses: ProblemTranslations = {
  "That postal code does not exist in Thailand: use 5 digits, e.g. {0} (Bangkok).":
    "Poskod itu tidak wujud di Thailand: gunakan 5 digit, contohnya {0} (Bangkok).",
  "That postal code does not exist in Singapore: use 6 digits, e.g. {0}.":
    "Poskod itu tidak wujud di Singapura: gunakan 6 digit, contohnya {0}.",
  "That postal code does not exist in Indonesia: use 5 digits, e.g. {0} (Central Jakarta).":
    "Poskod itu tidak wujud di Indonesia: gunakan 5 digit, contohnya {0} (Jakarta Pusat).",
  "That postal code does not exist in Malaysia: use 5 digits, e.g. {0} (Kuala Lumpur).":
    "Poskod itu tidak wujud di Malaysia: gunakan 5 digit, contohnya {0} (Kuala Lumpur).",
  "That postal code does not exist in the Philippines: use 4 digits, e.g. {0} (Manila).":
    "Poskod itu tidak wujud di Filipina: gunakan 4 digit, contohnya {0} (Manila).",
  "That postal code does not exist in Vietnam: use 5 digits, e.g. {0} (Ho Chi Minh City).":
    "Poskod itu tidak wujud di Vietnam: gunakan 5 digit, contohnya {0} (Bandar Raya Ho Chi Minh).",
};
