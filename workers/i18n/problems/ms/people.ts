import type { ProblemTranslations } from "../types";

/** Malay problem details of finding a person by phone number (GET /api/v1/users/lookup), keyed by the English template. */
export const people: ProblemTranslations = {
  "This is your own phone number. Enter the number of the person you want to chat with.":
    "Ini nombor telefon anda sendiri. Masukkan nombor orang yang anda mahu bersembang.",
};
