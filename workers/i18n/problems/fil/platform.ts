import type { ProblemTranslations } from "../types";

/** Filipino problem details of the platform: accounts, sign-in, sessions, request checks and rate limits, keyed by the English template. */
export const platform: ProblemTranslations = {
  "{0} is not supported here. Use {1}.": "Hindi suportado rito ang {0}. Gamitin ang {1}.",
  "This account is suspended. Contact support to have it reinstated.":
    "Naka-suspend ang account na ito. Makipag-ugnayan sa support para maibalik ito.",
  "There is no account with this id.": "Walang account na may ganitong id.",
  "This account was deleted; there is nothing to change.": "Na-delete na ang account na ito; wala nang mababago.",
  "You can keep at most {0} addresses. Delete one first.":
    "Hanggang {0} address lang ang puwede mong i-save. Mag-delete muna ng isa.",
  "You have no address with this id.": "Wala kang address na may ganitong id.",
  "Send the access token as 'Authorization: Bearer <token>'.":
    "Ipadala ang access token bilang 'Authorization: Bearer <token>'.",
  "This session has ended. Sign in again.": "Natapos na ang session na ito. Mag-sign in ulit.",
  "A code was just sent to this number. Wait 1 second before asking for another.":
    "Kapapadala lang ng code sa numerong ito. Maghintay ng 1 segundo bago humingi ng panibago.",
  "A code was just sent to this number. Wait {0} seconds before asking for another.":
    "Kapapadala lang ng code sa numerong ito. Maghintay ng {0} segundo bago humingi ng panibago.",
  "There is no valid code for this number: it expired or was used. Request a new code.":
    "Walang valid na code para sa numerong ito: nag-expire na ito o nagamit na. Humingi ng bagong code.",
  "Too many wrong codes. Request a new code and try again.":
    "Masyadong maraming maling code. Humingi ng bagong code at subukan ulit.",
  "This code was already used. Request a new code.": "Nagamit na ang code na ito. Humingi ng bagong code.",
  "This account is not active. Contact support.": "Hindi aktibo ang account na ito. Makipag-ugnayan sa support.",
  "That code is not right. 1 attempt left.": "Mali ang code. 1 subok na lang ang natitira.",
  "That code is not right. {0} attempts left.": "Mali ang code. {0} subok na lang ang natitira.",
  "An account with this email already exists. Sign in, or reset the password if you forgot it.":
    "May account na gamit ang email na ito. Mag-sign in, o i-reset ang password kung nakalimutan mo ito.",
  "Too many failed sign-ins for this account. Try again in 1 minute, or reset your password.":
    "Masyadong maraming bigong pag-sign in sa account na ito. Subukan ulit pagkalipas ng 1 minuto, o i-reset ang iyong password.",
  "Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password.":
    "Masyadong maraming bigong pag-sign in sa account na ito. Subukan ulit pagkalipas ng {0} minuto, o i-reset ang iyong password.",
  "The email or password is not right. Check both, or reset your password.":
    "Mali ang email o password. Tingnan ang dalawa, o i-reset ang iyong password.",
  "This reset link is invalid, expired or already used. Ask for a new one.":
    "Invalid, expired na, o nagamit na ang reset link na ito. Humingi ng bago.",
  "This account no longer exists.": "Wala na ang account na ito.",
  "You have no live session with this id. List them at GET /api/v1/auth/sessions.":
    "Wala kang aktibong session na may ganitong id. Tingnan ang listahan sa GET /api/v1/auth/sessions.",
  "This refresh token was already used, so the session has been signed out for safety. Sign in again.":
    "Nagamit na ang refresh token na ito, kaya na-sign out ang session para sa iyong kaligtasan. Mag-sign in ulit.",
  "Unknown refresh token. Sign in again.": "Hindi kilala ang refresh token. Mag-sign in ulit.",
  "The access token is invalid or expired. Refresh it or sign in again.":
    "Invalid o expired na ang access token. I-refresh ito o mag-sign in ulit.",
  "Sign in first: send 'Authorization: Bearer <accessToken>'.":
    "Mag-sign in muna: ipadala ang 'Authorization: Bearer <accessToken>'.",
  "This needs the {0} role.": "Kailangan dito ang role na {0}.",
  "Sign in first.": "Mag-sign in muna.",
  "The request body is larger than {0} bytes. Send at most {1} bytes.":
    "Lampas sa {0} byte ang body ng request. Magpadala ng hindi hihigit sa {1} byte.",
  "The request body is larger than {0} bytes. Send at most {1} bytes of JSON.":
    "Lampas sa {0} byte ang body ng request. Magpadala ng hindi hihigit sa {1} byte ng JSON.",
  "Nothing exists at {0}. See /docs for the API's paths.":
    "Walang makikita sa {0}. Tingnan ang /docs para sa mga path ng API.",
  "Too many of these requests from this account. Try again in 1 second.":
    "Masyadong maraming ganitong request mula sa account na ito. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many of these requests from this account. Try again in {0} seconds.":
    "Masyadong maraming ganitong request mula sa account na ito. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many of these requests from this network. Try again in 1 second.":
    "Masyadong maraming ganitong request mula sa network na ito. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many of these requests from this network. Try again in {0} seconds.":
    "Masyadong maraming ganitong request mula sa network na ito. Subukan ulit pagkalipas ng {0} segundo.",
  "No dead letter has the id {0}. List them at /api/v1/admin/dead-letters.":
    "Walang dead letter na may id na {0}. Tingnan ang listahan sa /api/v1/admin/dead-letters.",
  "This dead letter is not an event the outbox still holds (a malformed message, or one older than the outbox keeps), so it cannot be replayed.":
    "Hindi na hawak ng outbox ang event ng dead letter na ito (sira ang mensahe, o mas luma ito kaysa sa itinatago ng outbox), kaya hindi ito mare-replay.",
  "The request body is not valid JSON. Send a JSON document.":
    "Hindi valid na JSON ang body ng request. Magpadala ng JSON document.",
  "Something went wrong on our side. Retry the request; if it keeps failing, contact support with the requestId.":
    "Nagkaproblema sa aming panig. Subukan ulit ang request; kung patuloy itong pumapalya, makipag-ugnayan sa support dala ang requestId.",
  "The request could not be read.": "Hindi mabasa ang request.",
  "Sign in and send a Bearer token.": "Mag-sign in at magpadala ng Bearer token.",
  "The request body is too large.": "Masyadong malaki ang body ng request.",
  "Unsupported Content-Type.": "Hindi suportado ang Content-Type.",
  "Too many requests. Retry later.": "Masyadong maraming request. Subukan ulit mamaya.",
  "Something went wrong on our side. Retry the request.": "Nagkaproblema sa aming panig. Subukan ulit ang request.",
  "The request could not be processed.": "Hindi maproseso ang request.",
  "This request creates money or orders, so it needs an Idempotency-Key header: a unique value (e.g. a UUID) per intended operation, reused only to retry it.":
    "Gumagawa ng pera o order ang request na ito, kaya kailangan nito ng Idempotency-Key header: isang natatanging value (hal. UUID) para sa bawat operasyon, na uulitin lang kapag susubukan muli ang parehong operasyon.",
  "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.":
    "Ang Idempotency-Key header ay dapat 1 hanggang 255 na nakikitang ASCII character, gaya ng UUID.",
  "This Idempotency-Key was already used with a different request body. Use a new key for a new operation.":
    "Nagamit na ang Idempotency-Key na ito sa ibang body ng request. Gumamit ng bagong key para sa bagong operasyon.",
  "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.":
    "Pinoproseso pa ang request na may ganitong Idempotency-Key. Subukan ulit maya-maya para makuha ang resulta.",
  "The query string is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Invalid ang query string ({0}: {1}). Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The query string is invalid. Fix the fields listed in errors and send it again.":
    "Invalid ang query string. Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The path is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Invalid ang path ({0}: {1}). Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The path is invalid. Fix the fields listed in errors and send it again.":
    "Invalid ang path. Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The request headers are invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Invalid ang mga header ng request ({0}: {1}). Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The request headers are invalid. Fix the fields listed in errors and send it again.":
    "Invalid ang mga header ng request. Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The request body is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Invalid ang body ng request ({0}: {1}). Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The request body is invalid. Fix the fields listed in errors and send it again.":
    "Invalid ang body ng request. Ayusin ang mga field na nakalista sa errors at ipadala ulit.",
  "The cursor is not one this list gave out. Pass nextCursor from the previous page unchanged, or omit it to start over.":
    "Hindi galing sa listahang ito ang cursor. Ipasa nang walang binago ang nextCursor mula sa nakaraang page, o alisin ito para magsimula ulit.",
  "We do not serve {0} yet. Choose one of {1}.": "Hindi pa kami naglilingkod sa {0}. Pumili sa isa sa {1}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.":
    "Hindi iyan wastong numero ng telepono para sa {0}. Maglagay ng mobile number ng {1} gaya ng {2} o {3}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1}.":
    "Hindi iyan wastong numero ng telepono para sa {0}. Maglagay ng mobile number ng {1}.",
  "Too many code requests from this network. Try again in 1 second.":
    "Masyadong maraming paghingi ng code mula sa network na ito. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many code requests from this network. Try again in {0} seconds.":
    "Masyadong maraming paghingi ng code mula sa network na ito. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many codes for this number this hour. Try again in 1 second.":
    "Masyadong maraming code para sa numerong ito ngayong oras. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many codes for this number this hour. Try again in {0} seconds.":
    "Masyadong maraming code para sa numerong ito ngayong oras. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many sign-in attempts from this network. Try again in 1 second.":
    "Masyadong maraming pagsubok mag-sign in mula sa network na ito. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many sign-in attempts from this network. Try again in {0} seconds.":
    "Masyadong maraming pagsubok mag-sign in mula sa network na ito. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many requests from this network. Try again in 1 second.":
    "Masyadong maraming request mula sa network na ito. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many requests from this network. Try again in {0} seconds.":
    "Masyadong maraming request mula sa network na ito. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many realtime tickets. Try again in 1 second.":
    "Masyadong maraming realtime ticket. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many realtime tickets. Try again in {0} seconds.":
    "Masyadong maraming realtime ticket. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many device registrations. Try again in 1 second.":
    "Masyadong maraming pagrehistro ng device. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many device registrations. Try again in {0} seconds.":
    "Masyadong maraming pagrehistro ng device. Subukan ulit pagkalipas ng {0} segundo.",
};
