import type { MfaMessages } from "./en";

export const mfaFil: MfaMessages = {
  "mfa.title": "Dalawang-hakbang na pag-sign in",
  "mfa.intro": "Protektahan ang iyong account gamit ang code mula sa authenticator app bukod sa iyong password.",
  "mfa.isOn": "Naka-on ang two-step sign-in.",
  "mfa.isOff": "Naka-off ang two-step sign-in.",
  "mfa.setUp": "I-set up ang two-step sign-in",
  "mfa.scan":
    "I-scan ang QR code na ito gamit ang iyong authenticator app, o i-type ang key, saka ilagay ang 6-digit na code na ipinapakita nito.",
  "mfa.qrLabel": "QR code para sa iyong authenticator app",
  "mfa.secret": "Susi",
  "mfa.code": "Code mula sa app",
  "mfa.enable": "I-on",
  "mfa.disable": "I-off",
  "mfa.disableHint":
    "Maglagay ng code mula sa app, o recovery code, para i-off ito o kumuha ng mga bagong recovery code.",
  "mfa.recoveryTitle": "Mga recovery code",
  "mfa.recoveryHint":
    "Itago ang mga code na ito sa ligtas na lugar: bawat isa ay magagamit nang isang beses para mag-sign in kung mawala ang iyong telepono. Ngayon lang ipapakita ang mga ito.",
  "mfa.codesLeft": "{count} recovery code ang natitira",
  "mfa.newCodes": "Mga bagong recovery code",
  "mfa.done": "Naitago ko na",
  "mfa.signinPrompt": "Ilagay ang 6-digit na code mula sa iyong authenticator app, o isang recovery code.",
  "mfa.verify": "I-verify",
};
