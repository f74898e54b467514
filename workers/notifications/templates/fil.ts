import { PICKUP_TEMPLATES } from "./pickups";
import { RETURN_TEMPLATES } from "./returns";
import type { TemplateCatalog } from "./types";

/**
 * Filipino notifications. CLDR's Filipino `one` covers most counts (all but those ending in 4, 6
 * or 9), so "exactly one" is written `=1`; nouns do not inflect ("2 item").
 */
export const fil: TemplateCatalog = {
  "order.created": {
    title: "Naipadala ang order {number}",
    body: "{items, plural, other {# item}} mula sa {shop}, {total}. Magbayad bago ang {deadline} para hindi makansela.",
    sms: "Tchat: naghihintay ng bayad ang order {number} ({total}). Magbayad bago ang {deadline} o makakansela ito.",
    email: {
      subject: "Naghihintay ng bayad ang order {number}",
      body:
        "Salamat sa iyong order mula sa {shop}.\n\n" +
        "Order: {number}\nMga item: {items, plural, other {# item}}\nKabuuan: {total}\n\n" +
        "Pakibayaran bago ang {deadline}. Kinakansela ang mga hindi nabayarang order at ibinabalik ang stock.\n\n" +
        "Tingnan ang order: {link}",
    },
    push: { title: "Naipadala ang order {number}", body: "Bayaran ang {total} bago ang {deadline}." },
  },
  "order.paid": {
    title: "Natanggap ang bayad para sa order {number}",
    body: "Natanggap namin ang {total} para sa order mo mula sa {shop}. Inihahanda na ito ng tindahan.",
    sms: "Tchat: natanggap ang bayad na {total} para sa order {number}. Inihahanda na ito ng tindahan.",
    email: {
      subject: "Natanggap ang bayad: order {number}",
      body:
        "Natanggap namin ang bayad mong {total} para sa order {number} mula sa {shop}.\n\n" +
        "Inihahanda na ng tindahan ang order mo; sasabihan ka namin kapag naipadala na.\n\n" +
        "Tingnan ang order: {link}",
    },
  },
  "seller.order_paid": {
    title: "Bagong bayad na order {number}",
    body: "{items, plural, other {# item}} sa halagang {total}. I-pack at markahan bilang naipadala.",
    sms: "Tchat: bagong bayad na order {number} ({total}). I-pack at ipadala.",
    email: {
      subject: "Bagong bayad na order {number} ({total})",
      body:
        "May bagong bayad na order ang {shop}.\n\n" +
        "Order: {number}\nMga item: {items, plural, other {# item}}\nKabuuan: {total}\n\n" +
        "I-pack ito, saka markahan bilang naipadala kasama ang tracking number: {link}",
    },
    push: { title: "Bagong order {number}", body: "{total}, {items, plural, other {# item}}" },
  },
  "order.shipped": {
    title: "Papunta na ang order {number}",
    body: "Naipadala ng {shop} ang order mo sa {courier}.{hasTracking, select, yes { Tracking number: {tracking}.} other {}}",
    sms: "Tchat: naipadala ang order {number} sa {courier}.{hasTracking, select, yes { Tracking: {tracking}} other {}}",
    email: {
      subject: "Naipadala na ang order {number}",
      body:
        "Magandang balita: naipadala ng {shop} ang order mong {number} sa {courier}.\n" +
        "{hasTracking, select, yes {Tracking number: {tracking}\n} other {}}\n" +
        "Subaybayan ang order: {link}",
    },
  },
  "order.delivered": {
    title: "Naihatid ang order {number}",
    body: "Naihatid na ang order mo mula sa {shop}. Sana magustuhan mo, at magbahagi ng review para sa ibang mamimili.",
    sms: "Tchat: naihatid na ang order {number}. Enjoy!",
    email: {
      subject: "Naihatid ang order {number}",
      body:
        "Naihatid na ang order mong {number} mula sa {shop}.\n\n" +
        "Sana magustuhan mo ito. Nakakatulong sa ibang mamimili ang iyong review: {link}",
    },
  },
  "order.cancelled": {
    title: "Nakansela ang order {number}",
    body: "Nakansela ang order mo mula sa {shop}.{refund, select, yes { Ibabalik ang bayad mong {total}.} other {}}",
    sms: "Tchat: nakansela ang order {number}.{refund, select, yes { Ibabalik ang {total}.} other {}}",
    email: {
      subject: "Nakansela ang order {number}",
      body:
        "Nakansela ang order mong {number} mula sa {shop}.\n\n" +
        "{refund, select, yes {Ibabalik ang bayad mong {total} sa paraang ginamit mo sa pagbayad.\n\n} other {}}" +
        "Detalye ng order: {link}",
    },
  },
  "seller.order_cancelled": {
    title: "Nakansela ang order {number}",
    body: "Nakansela ang order {number} ({total}). Huwag itong ipadala; nare-refund ang mamimili.",
    sms: "Tchat: nakansela ang order {number} ({total}). Huwag ipadala.",
    email: {
      subject: "Nakansela ang order {number}: huwag ipadala",
      body:
        "Nakansela ang order {number} ({total}) sa {shop} matapos mabayaran. Huwag itong ipadala; " +
        "nare-refund ang mamimili.\n\nDetalye ng order: {link}",
    },
  },
  "order.refunded": {
    title: "Naibalik na ang bayad sa order {number}",
    body: "Naibalik na ang bayad mong {total} para sa order mo mula sa {shop}.",
    sms: "Tchat: naibalik na ang {total} para sa order {number}.",
    email: {
      subject: "Naibalik na ang bayad sa order {number}",
      body:
        "Naibalik na ang bayad mong {total} para sa order {number} mula sa {shop} sa paraang ginamit mo sa pagbayad. " +
        "Maaaring tumagal nang ilang araw bago ito makita.\n\nDetalye ng order: {link}",
    },
  },
  "order.expired": {
    title: "Nag-expire ang order {number}",
    body: "Hindi nabayaran sa oras ang order mo mula sa {shop}, kaya nakansela ito at ibinalik ang stock.",
    sms: "Tchat: hindi nabayaran sa oras ang order {number} at nakansela na.",
    email: {
      subject: "Nag-expire ang order {number}",
      body:
        "Hindi nabayaran sa oras ang order mong {number} mula sa {shop}, kaya nakansela ito at ibinalik ang stock.\n\n" +
        "Gusto mo pa rin? Idagdag ulit sa cart: {link}",
    },
  },
  "payment.failed": {
    title: "Hindi natuloy ang bayad para sa order {number}",
    body:
      "Hindi natuloy ang bayad mong {total}{orders, plural, =1 {} other { para sa # na order}}. " +
      "Subukan ulit o pumili ng ibang paraan ng pagbabayad bago mag-expire ang order.",
    sms: "Tchat: hindi natuloy ang bayad mong {total} para sa order {number}. Subukan ulit sa app bago ito mag-expire.",
    email: {
      subject: "Hindi natuloy ang bayad para sa order {number}",
      body:
        "Hindi natuloy ang bayad mong {total}{orders, plural, =1 {} other { para sa # na order}}.\n\n" +
        "Subukan ulit, o pumili ng ibang paraan ng pagbabayad, bago mag-expire ang order: {link}",
    },
  },
  "seller.stock_low": {
    title: "Paubos na: {product}",
    body:
      "{variant, select, none {} other {{variant}: }}{available, plural, =0 {wala nang natira} =1 {# na lang ang natira} other {# na lang ang natira}} " +
      "(mas mababa sa {threshold, number}). Mag-restock para tuloy ang benta.",
    sms: "Tchat: paubos na ang {product}: {available, plural, =0 {wala nang natira} other {# na lang}}.",
    email: {
      subject: "Paubos na: {product}",
      body:
        "Paubos na ang {product}{variant, select, none {} other { ({variant})}}: " +
        "{available, plural, =0 {wala nang natira} other {# na lang ang natira}}, mas mababa sa alert level na {threshold, number}.\n\n" +
        "Mag-restock para tuloy ang benta: {link}",
    },
  },
  "chat.message": {
    title: "{group, select, yes {{sender} sa {dialog}} other {{sender}}}",
    body:
      "{count, plural, =1 {{kind, select, image {Nagpadala ng larawan} file {Nagpadala ng file} location {Nagbahagi ng lokasyon} " +
      "sticker {Nagpadala ng sticker} card {Nagbahagi ng produkto} other {Nagpadala sa iyo ng mensahe}}} other {# bagong mensahe}}",
    sms: "Tchat: {count, plural, =1 {bagong mensahe} other {# bagong mensahe}} mula kay {sender}.",
    email: {
      subject: "{count, plural, =1 {Bagong mensahe} other {# bagong mensahe}} mula kay {sender}",
      body: "Sumulat sa iyo si {sender}{group, select, yes { sa {dialog}} other {}}. Sumagot sa Tchat: {link}",
    },
  },
  "security.alert": {
    title:
      "{alert, select, new_sign_in {Bagong sign-in sa account mo} password_changed {Napalitan ang password mo} " +
      "sessions_revoked {Na-sign out ka sa lahat ng device} other {Alerto sa seguridad}}",
    body:
      "{alert, select, new_sign_in {Nag-sign in ang {device} noong {at}. Hindi ikaw? Mag-sign out sa lahat ng session at palitan ang password.} " +
      "password_changed {Napalitan ang password mo noong {at}. Hindi ikaw? I-reset ito ngayon at kontakin ang support.} " +
      "sessions_revoked {Na-sign out ang lahat ng session mo noong {at}.} " +
      "other {May nagbago sa account mo noong {at}. Tingnan ang Settings > Security.}}",
    sms: "Tchat seguridad: {alert, select, new_sign_in {bagong sign-in mula sa {device} noong {at}.} password_changed {napalitan ang password noong {at}.} other {may nagbago sa account noong {at}.}} Hindi ikaw? Kontakin ang support.",
    email: {
      subject: "Alerto sa seguridad ng iyong Tchat account",
      body:
        "{alert, select, new_sign_in {Nag-sign in ang {device} sa account mo noong {at}.} " +
        "password_changed {Napalitan ang password mo noong {at}.} " +
        "sessions_revoked {Na-sign out ang lahat ng session mo noong {at}.} other {May nagbago sa account mo noong {at}.}}\n\n" +
        "Kung hindi ikaw ito, i-secure agad ang account mo: {link}",
    },
  },
  "promotion.price_drop": {
    title: "Bumaba ang presyo: {product}",
    body: "{price} na lang, dating {previousPrice} ({percent, number}% off). Bilhin bago maubos.",
    sms: "Tchat: {product} ay {price} na lang (dating {previousPrice}).",
    email: {
      subject: "Bumaba ang presyo: {product} ay {price} na lang",
      body:
        "Magandang balita: ang {product} na tiningnan mo ay {price} na lang (dating {previousPrice}, {percent, number}% off).\n\n" +
        "Tingnan: {link}",
    },
  },
  "promotion.voucher_expiring": {
    title: "Malapit nang mag-expire ang voucher {code}",
    body: "Gamitin ang voucher {code} bago ang {expires}, o mawawala na ito.",
    sms: "Tchat: mag-e-expire ang voucher mong {code} sa {expires}.",
    email: {
      subject: "Mag-e-expire ang voucher {code} sa {expires}",
      body: "Mag-e-expire ang voucher mong {code} sa {expires}. Gamitin ito sa checkout bago iyon: {link}",
    },
  },
  ...RETURN_TEMPLATES.fil,
  ...PICKUP_TEMPLATES.fil,
};
