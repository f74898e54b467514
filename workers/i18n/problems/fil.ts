import type { ProblemTranslations } from "../problem-details";

/** Problem details in fil, keyed by the English template (see workers/i18n/problem-details.ts). */
export const fil: ProblemTranslations = {
  "Nothing exists at {0}. See /docs for the API's paths.": "Walang makikita sa {0}. Tingnan ang /docs para sa mga path ng API.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.": "Hindi iyan wastong numero ng telepono para sa {0}. Maglagay ng mobile number ng {1} gaya ng {2} o {3}.",
  "This shop sells in {0}, so prices must be in {1}, not {2}.": "Nagbebenta ang shop na ito sa {0}, kaya dapat nasa {1} ang mga presyo, hindi {2}.",
};
