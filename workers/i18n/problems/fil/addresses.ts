import type { ProblemTranslations } from "../types";

/** Filipino problem details of addresses (a postal code not of its country, one sentence per country), keyed by the English template. */
export const addresses: ProblemTranslations = {
  "That postal code does not exist in Thailand: use 5 digits, e.g. {0} (Bangkok).":
    "Walang ganyang postal code sa Thailand: gumamit ng 5 digit, halimbawa {0} (Bangkok).",
  "That postal code does not exist in Singapore: use 6 digits, e.g. {0}.":
    "Walang ganyang postal code sa Singapore: gumamit ng 6 na digit, halimbawa {0}.",
  "That postal code does not exist in Indonesia: use 5 digits, e.g. {0} (Central Jakarta).":
    "Walang ganyang postal code sa Indonesia: gumamit ng 5 digit, halimbawa {0} (Gitnang Jakarta).",
  "That postal code does not exist in Malaysia: use 5 digits, e.g. {0} (Kuala Lumpur).":
    "Walang ganyang postal code sa Malaysia: gumamit ng 5 digit, halimbawa {0} (Kuala Lumpur).",
  "That postal code does not exist in the Philippines: use 4 digits, e.g. {0} (Manila).":
    "Walang ganyang postal code sa Pilipinas: gumamit ng 4 na digit, halimbawa {0} (Maynila).",
  "That postal code does not exist in Vietnam: use 5 digits, e.g. {0} (Ho Chi Minh City).":
    "Walang ganyang postal code sa Vietnam: gumamit ng 5 digit, halimbawa {0} (Lungsod ng Ho Chi Minh).",
};
