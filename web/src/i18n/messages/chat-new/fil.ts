import type { ChatNewMessages } from "./en";

/** {'th': 'Thai', 'id': 'Indonesian', 'ms': 'Malay', 'fil': 'Filipino', 'vi': 'Vietnamese'} words of /chat/new and of a session signed out from another device. */
export const chatNewFil: ChatNewMessages = {
  "chatNew.link": "Maghanap ng tao gamit ang numero ng telepono",
  "chatNew.title": "Bagong chat",
  "chatNew.intro":
    "Ilagay ang numero ng teleponong ginagamit ng tao sa pag-sign in. Tingnan ang pangalan bago simulan ang chat.",
  "chatNew.country": "Bansa",
  "chatNew.phone": "Numero ng telepono",
  "chatNew.phoneHint": "Halimbawa {national} o {international}",
  "chatNew.find": "Hanapin",
  "chatNew.finding": "Naghahanap…",
  "chatNew.found": "Nahanap ang tao",
  "chatNew.start": "Magsimula ng chat kay {name}",
  "chatNew.starting": "Binubuksan ang chat…",
  "chatNew.back": "Bumalik sa mga chat",
  "session.revokedElsewhere":
    "Na-sign out ka dahil na-sign out ang device na ito mula sa ibang device. Mag-sign in muli para magpatuloy.",
  "session.signInAgain": "Mag-sign in muli",
  "session.dismiss": "Isara",
};
