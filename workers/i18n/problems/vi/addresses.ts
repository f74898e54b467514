import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of addresses (a postal code not of its country, one sentence per country), keyed by the English template. */
export const addresses: ProblemTranslations = {
  "That postal code does not exist in Thailand: use 5 digits, e.g. {0} (Bangkok).":
    "Mã bưu chính đó không tồn tại ở Thái Lan: hãy dùng 5 chữ số, ví dụ {0} (Bangkok).",
  "That postal code does not exist in Singapore: use 6 digits, e.g. {0}.":
    "Mã bưu chính đó không tồn tại ở Singapore: hãy dùng 6 chữ số, ví dụ {0}.",
  "That postal code does not exist in Indonesia: use 5 digits, e.g. {0} (Central Jakarta).":
    "Mã bưu chính đó không tồn tại ở Indonesia: hãy dùng 5 chữ số, ví dụ {0} (Trung tâm Jakarta).",
  "That postal code does not exist in Malaysia: use 5 digits, e.g. {0} (Kuala Lumpur).":
    "Mã bưu chính đó không tồn tại ở Malaysia: hãy dùng 5 chữ số, ví dụ {0} (Kuala Lumpur).",
  "That postal code does not exist in the Philippines: use 4 digits, e.g. {0} (Manila).":
    "Mã bưu chính đó không tồn tại ở Philippines: hãy dùng 4 chữ số, ví dụ {0} (Manila).",
  "That postal code does not exist in Vietnam: use 5 digits, e.g. {0} (Ho Chi Minh City).":
    "Mã bưu chính đó không tồn tại ở Việt Nam: hãy dùng 5 chữ số, ví dụ {0} (TP. Hồ Chí Minh).",
};
