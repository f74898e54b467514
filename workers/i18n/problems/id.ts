import type { ProblemTranslations } from "../problem-details";

/** Problem details in id, keyed by the English template (see workers/i18n/problem-details.ts). */
export const id: ProblemTranslations = {
  "Nothing exists at {0}. See /docs for the API's paths.": "Tidak ada apa pun di {0}. Lihat /docs untuk daftar path API.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.": "Itu bukan nomor telepon yang valid untuk {0}. Masukkan nomor ponsel {1} seperti {2} atau {3}.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.": "Toko ini berjualan dalam {0}, jadi harga harus dalam {1}, bukan {2}.",
};
