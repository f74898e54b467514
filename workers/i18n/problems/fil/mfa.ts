import type { ProblemTranslations } from "../types";

/** Filipino problem details of two-step sign-in (TOTP), keyed by the English template. */
export const mfa: ProblemTranslations = {
  "Too many wrong two-step codes for this account. Wait a few minutes, then try again.":
    "Masyadong maraming maling two-step code para sa account na ito. Maghintay ng ilang minuto, saka subukang muli.",
  "That code is not right or was already used. Enter the current 6-digit code from your authenticator app.":
    "Mali ang code na iyan o nagamit na. Ilagay ang kasalukuyang 6-digit na code mula sa iyong authenticator app.",
  "This account uses two-step sign-in. Send the 6-digit code from your authenticator app, or a recovery code, as mfaCode.":
    "Gumagamit ang account na ito ng two-step sign-in. Ipadala ang 6-digit na code mula sa iyong authenticator app, o isang recovery code, bilang mfaCode.",
  "Two-step sign-in is already on. Turn it off first to move it to another authenticator.":
    "Naka-on na ang two-step sign-in. I-off muna ito para ilipat sa ibang authenticator.",
  "Two-step sign-in is not on for this account. Set it up first.":
    "Hindi pa naka-on ang two-step sign-in para sa account na ito. I-set up muna ito.",
  "Admin work needs two-step sign-in. Turn it on in your account, then try again.":
    "Kailangan ng two-step sign-in para sa gawaing admin. I-on ito sa iyong account, saka subukang muli.",
};
