/**
 * English account messages (ICU MessageFormat). This catalog is the reference: every other locale
 * is type-checked against its shape, and a key missing at runtime falls back to it.
 *
 * SMS bodies stay within the GSM-7 alphabet (no curly quotes or dashes) so they are sent as 7-bit
 * text; email bodies are plain text.
 */
export const en = {
  otp_code: {
    sms: "{appName}: your sign-in code is {code}. It expires in {minutes, plural, one {# minute} other {# minutes}}. Never share it.",
    email: {
      subject: "Your {appName} sign-in code is {code}",
      body:
        "Your {appName} sign-in code is:\n\n{code}\n\n" +
        "It expires in {minutes, plural, one {# minute} other {# minutes}}. " +
        "Do not share this code with anyone, not even {appName} staff. We will never ask you for it.\n\n" +
        "If you did not try to sign in, you can ignore this email.",
    },
  },
  welcome: {
    sms: "Welcome to Tchat, {name}! Your account is ready.",
    email: {
      subject: "Welcome to Tchat, {name}!",
      body:
        "Hi {name},\n\nWelcome to Tchat! Your account is ready. " +
        "Chat with friends, discover shops and pay safely, all in one app.\n\nThe Tchat team",
    },
  },
  new_device: {
    sms:
      "Tchat: new sign-in from {device} ({platform, select, ios {iOS} android {Android} web {web browser} other {{platform}}}) " +
      "on {time, date, medium} at {time, time, short}. Not you? Sign out all sessions in Settings and change your password.",
    email: {
      subject: "New sign-in to your Tchat account",
      body:
        "A new device just signed in to your Tchat account:\n\n" +
        "Device: {device}\n" +
        "Platform: {platform, select, ios {iOS} android {Android} web {Web browser} other {{platform}}}\n" +
        "Time: {time, date, medium} {time, time, short}\n\n" +
        "If this was you, there is nothing to do. If it wasn’t you, go to Settings > Devices, " +
        "revoke every session you don’t recognize and change your password right away.",
    },
  },
  password_reset: {
    sms:
      "Tchat: reset your password at {link} The link works once and expires in " +
      "{minutes, plural, one {# minute} other {# minutes}}. Didn't request it? Ignore this message.",
    email: {
      subject: "Reset your Tchat password",
      body:
        "We received a request to reset the password of your Tchat account.\n\n" +
        "Reset your password: {link}\n\n" +
        "This link can be used only once and expires in {minutes, plural, one {# minute} other {# minutes}}. " +
        "If you did not ask to reset your password, ignore this email; your password stays the same.",
    },
  },
  password_changed: {
    sms: "Tchat: your password was changed and all your sessions were signed out. Not you? Contact Tchat support now.",
    email: {
      subject: "Your Tchat password was changed",
      body:
        "The password of your Tchat account was just changed. For your security, you have been signed out " +
        "on every device; sign in again with your new password.\n\n" +
        "If you did not make this change, reset your password now and contact Tchat support.",
    },
  },
  account_deleted: {
    sms:
      "Tchat: your account was deleted and your personal data erased. " +
      "Order records are kept as the law requires, without personal data.",
    email: {
      subject: "Your Tchat account has been deleted",
      body:
        "Hi {name},\n\nYour Tchat account has been deleted as you asked. We have erased your personal data " +
        "and signed you out everywhere.\n\n" +
        "Records of your past orders are kept because the law requires it, but they no longer contain " +
        "any of your personal data.\n\nThank you for using Tchat.",
    },
  },
};

/** The shape every locale's catalog must have. */
export type Catalog = typeof en;
