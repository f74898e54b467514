import type { ProblemTranslations } from "../types";

/** Filipino problem details of finding a person by phone number (GET /api/v1/users/lookup), keyed by the English template. */
export const people: ProblemTranslations = {
  "This is your own phone number. Enter the number of the person you want to chat with.":
    "Ito ang sarili mong numero ng telepono. Ilagay ang numero ng taong gusto mong kausapin.",
};
