import type { ProblemTranslations } from "../problem-details";

/** Problem details in ms, keyed by the English template (see workers/i18n/problem-details.ts). */
export const ms: ProblemTranslations = {
  "Nothing exists at {0}. See /docs for the API's paths.": "Tiada apa-apa di {0}. Lihat /docs untuk laluan API.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.": "Itu bukan nombor telefon yang sah untuk {0}. Masukkan nombor telefon bimbit {1} seperti {2} atau {3}.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.": "Kedai ini menjual dalam {0}, jadi harga mesti dalam {1}, bukan {2}.",
};
