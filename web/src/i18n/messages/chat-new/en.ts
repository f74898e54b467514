/**
 * English words of starting a chat by phone number (/chat/new) and of a session signed out from
 * another device (the "chatNew.*" and "session.*" blocks): the reference for the other five.
 */
export const chatNewEn = {
  "chatNew.link": "Find a person by phone number",
  "chatNew.title": "New chat",
  "chatNew.intro": "Enter the phone number the person signs in with. Check their name before you start the chat.",
  "chatNew.country": "Country",
  "chatNew.phone": "Phone number",
  "chatNew.phoneHint": "For example {national} or {international}",
  "chatNew.find": "Find",
  "chatNew.finding": "Searching…",
  "chatNew.found": "Person found",
  "chatNew.start": "Start chat with {name}",
  "chatNew.starting": "Opening the chat…",
  "chatNew.back": "Back to chats",
  "session.revokedElsewhere":
    "You were signed out because this device was signed out from another one. Sign in again to continue.",
  "session.signInAgain": "Sign in again",
  "session.dismiss": "Dismiss",
};

export type ChatNewKey = keyof typeof chatNewEn;
export type ChatNewMessages = Record<ChatNewKey, string>;
