import type { ProblemTranslations } from "../types";

/** Indonesian problem details of finding a person by phone number (GET /api/v1/users/lookup), keyed by the English template. */
export const people: ProblemTranslations = {
  "This is your own phone number. Enter the number of the person you want to chat with.":
    "Ini nomor telepon Anda sendiri. Masukkan nomor orang yang ingin Anda ajak mengobrol.",
};
