import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of finding a person by phone number (GET /api/v1/users/lookup), keyed by the English template. */
export const people: ProblemTranslations = {
  "This is your own phone number. Enter the number of the person you want to chat with.":
    "Đây là số điện thoại của chính bạn. Hãy nhập số của người bạn muốn trò chuyện.",
};
