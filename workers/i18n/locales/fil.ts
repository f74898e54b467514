import type { Catalog } from "./en";

/**
 * Filipino (Tagalog) account messages, in the everyday register Filipino apps use, which keeps
 * English terms such as "sign in", "password" and "session". "Minuto" does not inflect, so
 * plurals use only `other`. SMS bodies stay within the GSM-7 alphabet.
 */
export const fil: Catalog = {
  otp_code: {
    sms: "{appName}: Ang iyong sign-in code ay {code}. Mag-e-expire ito sa loob ng {minutes, plural, other {# minuto}}. Huwag itong ibahagi kaninuman.",
    email: {
      subject: "Ang iyong {appName} sign-in code ay {code}",
      body:
        "Ang iyong {appName} sign-in code ay:\n\n{code}\n\n" +
        "Mag-e-expire ito sa loob ng {minutes, plural, other {# minuto}}. Huwag itong ibahagi kaninuman, " +
        "kahit sa staff ng {appName}. Hinding-hindi namin ito hihingin sa iyo.\n\n" +
        "Kung hindi ikaw ang nagtangkang mag-sign in, huwag pansinin ang email na ito.",
    },
  },
  welcome: {
    sms: "Maligayang pagdating sa Tchat, {name}! Handa na ang iyong account.",
    email: {
      subject: "Maligayang pagdating sa Tchat, {name}!",
      body:
        "Hi {name},\n\nMaligayang pagdating sa Tchat! Handa na ang iyong account. " +
        "Makipag-chat sa mga kaibigan, tumuklas ng mga tindahan, at magbayad nang ligtas, lahat sa iisang app.\n\n" +
        "Ang Tchat team",
    },
  },
  new_device: {
    sms:
      "Tchat: May bagong sign-in sa {device} ({platform, select, ios {iOS} android {Android} web {web browser} other {{platform}}}) " +
      "noong {time, date, medium}, {time, time, short}. Hindi ikaw? I-sign out ang lahat ng session sa Settings at palitan ang password.",
    email: {
      subject: "Bagong sign-in sa iyong Tchat account",
      body:
        "May bagong device na nag-sign in sa iyong Tchat account:\n\n" +
        "Device: {device}\n" +
        "Platform: {platform, select, ios {iOS} android {Android} web {Web browser} other {{platform}}}\n" +
        "Oras: {time, date, medium} {time, time, short}\n\n" +
        "Kung ikaw ito, wala kang kailangang gawin. Kung hindi ikaw, pumunta sa Settings > Devices, " +
        "i-revoke ang bawat session na hindi mo kilala, at palitan agad ang iyong password.",
    },
  },
  password_reset: {
    sms:
      "Tchat: I-reset ang iyong password dito: {link} Isang beses lang magagamit ang link at mag-e-expire ito sa loob ng " +
      "{minutes, plural, other {# minuto}}. Kung hindi ikaw ang humiling, huwag itong pansinin.",
    email: {
      subject: "I-reset ang iyong Tchat password",
      body:
        "Nakatanggap kami ng kahilingang i-reset ang password ng iyong Tchat account.\n\n" +
        "I-reset ang password: {link}\n\n" +
        "Isang beses lang magagamit ang link na ito at mag-e-expire ito sa loob ng {minutes, plural, other {# minuto}}. " +
        "Kung hindi ikaw ang humiling nito, huwag pansinin ang email na ito; hindi magbabago ang iyong password.",
    },
  },
  password_changed: {
    sms:
      "Tchat: Napalitan na ang iyong password at na-sign out ang lahat ng iyong session. " +
      "Hindi ikaw? Makipag-ugnayan agad sa Tchat support.",
    email: {
      subject: "Napalitan na ang iyong Tchat password",
      body:
        "Kapapalit lang ng password ng iyong Tchat account. Para sa iyong seguridad, na-sign out ka sa lahat " +
        "ng device; mag-sign in muli gamit ang bagong password.\n\n" +
        "Kung hindi ikaw ang gumawa nito, i-reset agad ang iyong password at makipag-ugnayan sa Tchat support.",
    },
  },
  account_deleted: {
    sms:
      "Tchat: Nabura na ang iyong account at ang iyong personal na data. " +
      "Itinatago ang mga record ng order ayon sa hinihingi ng batas, nang walang personal na data.",
    email: {
      subject: "Nabura na ang iyong Tchat account",
      body:
        "Hi {name},\n\nNabura na ang iyong Tchat account ayon sa iyong kahilingan. Binura namin ang iyong " +
        "personal na data at na-sign out ka sa lahat ng device.\n\n" +
        "Itinatago pa rin ang mga record ng iyong mga nakaraang order dahil hinihingi ito ng batas, pero wala " +
        "na itong anumang personal na data mo.\n\nSalamat sa paggamit ng Tchat.",
    },
  },
};
