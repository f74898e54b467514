/** English words of two-step sign-in (account page, sign-in): the reference for the other five. */
export const mfaEn = {
  "mfa.title": "Two-step sign-in",
  "mfa.intro": "Protect your account with a code from an authenticator app as well as your password.",
  "mfa.isOn": "Two-step sign-in is on.",
  "mfa.isOff": "Two-step sign-in is off.",
  "mfa.setUp": "Set up two-step sign-in",
  "mfa.scan":
    "Scan this QR code with your authenticator app, or type the key in, then enter the 6-digit code it shows.",
  "mfa.qrLabel": "QR code for your authenticator app",
  "mfa.secret": "Key",
  "mfa.code": "Code from the app",
  "mfa.enable": "Turn on",
  "mfa.disable": "Turn off",
  "mfa.disableHint": "Enter a code from the app, or a recovery code, to turn it off or to get new recovery codes.",
  "mfa.recoveryTitle": "Recovery codes",
  "mfa.recoveryHint":
    "Keep these codes somewhere safe: each one signs you in once if you lose your phone. They are shown only now.",
  "mfa.codesLeft": "{count} recovery codes left",
  "mfa.newCodes": "New recovery codes",
  "mfa.done": "I have saved them",
  "mfa.signinPrompt": "Enter the 6-digit code from your authenticator app, or a recovery code.",
  "mfa.verify": "Verify",
};

export type MfaMessages = Record<keyof typeof mfaEn, string>;
