import type { ProblemTranslations } from "../problem-details";

/** Problem details in vi, keyed by the English template (see workers/i18n/problem-details.ts). */
export const vi: ProblemTranslations = {
  "Nothing exists at {0}. See /docs for the API's paths.": "Không có gì tại {0}. Xem /docs để biết các đường dẫn của API.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.": "Đó không phải là số điện thoại hợp lệ của {0}. Hãy nhập số di động của {1}, ví dụ {2} hoặc {3}.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.": "Cửa hàng này bán bằng {0}, nên giá phải tính bằng {1}, không phải {2}.",
};
