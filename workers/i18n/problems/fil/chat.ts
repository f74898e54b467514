import type { ProblemTranslations } from "../types";

/** Filipino problem details of chat, media uploads and realtime streams, keyed by the English template. */
export const chat: ProblemTranslations = {
  "There is no dialog with this id.": "Walang dialog na may ganitong id.",
  "You are not a member of this dialog.": "Hindi ka miyembro ng dialog na ito.",
  "One participant does not exist: {0}. Send the ids of existing users.":
    "May isang participant na hindi umiiral: {0}. Ipadala ang mga id ng mga umiiral na user.",
  "{0} participants do not exist: {1}. Send the ids of existing users.":
    "{0} participant ang hindi umiiral: {1}. Ipadala ang mga id ng mga umiiral na user.",
  "There is no flag with this id.": "Walang flag na may ganitong id.",
  "You cannot report your own message.": "Hindi mo puwedeng i-report ang sarili mong mensahe.",
  "The report could not be stored. Retry.": "Hindi ma-save ang report. Subukan ulit.",
  "The cursor is not one this list gave out. Pass nextCursor unchanged.":
    "Hindi galing sa listahang ito ang cursor. Ipasa ang nextCursor nang walang binago.",
  "A direct dialog is you and exactly one other person: send their id as participantIds.":
    "Ang direct dialog ay ikaw at eksaktong isa pang tao: ipadala ang id niya bilang participantIds.",
  "A channel holds at most {0} members, you included.":
    "Hanggang {0} miyembro lang ang puwede sa isang channel, kasama ka.",
  "A group holds at most {0} members, you included.":
    "Hanggang {0} miyembro lang ang puwede sa isang group, kasama ka.",
  "This is your own shop: buyers open support chats with you, not you with yourself.":
    "Sarili mong shop ito: ang mga mamimili ang nagbubukas ng support chat sa iyo, hindi ikaw sa sarili mo.",
  "There is no product with this id that can be shown.": "Walang produktong may ganitong id na maipapakita.",
  "There is no order with this id that can be shown.": "Walang order na may ganitong id na maipapakita.",
  "Only the buyer of this order or its shop's owner can share it.":
    "Ang mamimili lang ng order na ito o ang may-ari ng shop nito ang makakapag-share nito.",
  "Open this path as a WebSocket.": "Buksan ang path na ito bilang WebSocket.",
  "There is no message with this id in this dialog.": "Walang mensaheng may ganitong id sa dialog na ito.",
  "Only its sender can edit a message.": "Ang nagpadala lang ang makakapag-edit ng mensahe.",
  "This message was deleted.": "Na-delete na ang mensaheng ito.",
  "This kind of message has no text to edit.": "Walang text na mae-edit sa ganitong uri ng mensahe.",
  "A message holds at most {0} characters of text.": "Hanggang {0} character ng text lang ang puwede sa isang mensahe.",
  "A text message needs text.": "Kailangan ng text ang isang text message.",
  "System messages cannot be deleted.": "Hindi puwedeng i-delete ang mga system message.",
  "Only its sender can delete a message.": "Ang nagpadala lang ang makakapag-delete ng mensahe.",
  "emoji must be one emoji, such as 👍.": "Ang emoji ay dapat iisang emoji, gaya ng 👍.",
  "You can add at most {0} reactions to one message.":
    "Hanggang {0} reaction lang ang puwede mong idagdag sa isang mensahe.",
  "Frames are JSON text, not binary.": "JSON text ang mga frame, hindi binary.",
  "A frame holds at most {0} bytes.": "Hanggang {0} byte lang ang puwede sa isang frame.",
  'A frame is one JSON object such as {"type":"ping"}.': 'Ang frame ay isang JSON object gaya ng {"type":"ping"}.',
  "Invalid frame ({0}: {1}). Types: send, read, delivered, typing, ping, replay.":
    "Invalid na frame ({0}: {1}). Mga uri: send, read, delivered, typing, ping, replay.",
  "Invalid frame. Types: send, read, delivered, typing, ping, replay.":
    "Invalid na frame. Mga uri: send, read, delivered, typing, ping, replay.",
  "That frame could not be handled. Retry it.": "Hindi maproseso ang frame na iyon. Subukan ulit.",
  "A replay page is still being sent on this socket. Ask for the next one after it.":
    "May replay page pang ipinapadala sa socket na ito. Hingin ang susunod pagkatapos nito.",
  "A direct dialog has exactly two people. Create a group to talk with more.":
    "Dalawang tao lang ang nasa isang direct dialog. Gumawa ng group para makipag-usap sa mas marami.",
  "Only the dialog's admins can add members.": "Ang mga admin lang ng dialog ang makakapagdagdag ng miyembro.",
  "A channel holds at most {0} members; it has {1}.":
    "Hanggang {0} miyembro lang ang puwede sa isang channel; may {1} na ito.",
  "A group holds at most {0} members; it has {1}.":
    "Hanggang {0} miyembro lang ang puwede sa isang group; may {1} na ito.",
  "Nobody leaves a direct dialog; mute it instead.": "Walang umaalis sa direct dialog; i-mute na lang ito.",
  "Only the dialog's admins can remove members.": "Ang mga admin lang ng dialog ang makakapag-alis ng miyembro.",
  "This user is not a member of the dialog.": "Hindi miyembro ng dialog ang user na ito.",
  "You are no longer a member of this dialog.": "Hindi ka na miyembro ng dialog na ito.",
  "A direct dialog has no admins.": "Walang admin ang direct dialog.",
  "Only the dialog's admins can change roles.": "Ang mga admin lang ng dialog ang makakapagpalit ng role.",
  "A dialog needs at least one admin. Make someone else admin first.":
    "Kailangan ng dialog ng kahit isang admin. Gawin munang admin ang ibang tao.",
  "A direct dialog has no name.": "Walang pangalan ang direct dialog.",
  "Only the dialog's admins can rename it.": "Ang mga admin lang ng dialog ang makakapagpalit ng pangalan nito.",
  "Only the channel's admins post here.": "Ang mga admin lang ng channel ang nagpo-post dito.",
  "Too many messages in this dialog. Try again in 1 second.":
    "Masyadong maraming mensahe sa dialog na ito. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many messages in this dialog. Try again in {0} seconds.":
    "Masyadong maraming mensahe sa dialog na ito. Subukan ulit pagkalipas ng {0} segundo.",
  "Too many messages across your dialogs. Try again in 1 second.":
    "Masyadong maraming mensahe sa iyong mga dialog. Subukan ulit pagkalipas ng 1 segundo.",
  "Too many messages across your dialogs. Try again in {0} seconds.":
    "Masyadong maraming mensahe sa iyong mga dialog. Subukan ulit pagkalipas ng {0} segundo.",
  "Only the channel's admins post here; members read.":
    "Ang mga admin lang ng channel ang nagpo-post dito; nagbabasa ang mga miyembro.",
  "replyTo names no message of this dialog.": "Walang mensahe sa dialog na ito na tinutukoy ng replyTo.",
  "At most {0} connections per dialog: this one was replaced by a newer one.":
    "Hanggang {0} koneksyon lang bawat dialog: pinalitan ang koneksyong ito ng mas bago.",
  "This room has not been set up.": "Hindi pa naka-set up ang room na ito.",
  "The dialog is being set up. Retry in a moment.": "Sine-set up pa ang dialog. Subukan ulit maya-maya.",
  "The dialog cannot be opened now.": "Hindi mabuksan ang dialog ngayon.",
  "The socket could not be opened. Retry.": "Hindi mabuksan ang socket. Subukan ulit.",
  "Open this path as a WebSocket (Upgrade: websocket).":
    "Buksan ang path na ito bilang WebSocket (Upgrade: websocket).",
  "You can see the presence of people you share a dialog with.":
    "Makikita mo ang presence ng mga taong kasama mo sa isang dialog.",
  "There is no media with this id that you may see. Chat pictures and files are served to the members of their dialog: fetch the message's url with your access token.":
    "Walang media na may ganitong id na puwede mong makita. Ibinibigay lang ang mga larawan at file sa chat sa mga miyembro ng kanilang dialog: buksan ang url ng mensahe gamit ang iyong access token.",
  "A product image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Hanggang {0} byte ({1} MiB) lang ang isang larawan ng produkto. Magpadala ng mas maliit na file.",
  "An image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Hanggang {0} byte ({1} MiB) lang ang isang larawan. Magpadala ng mas maliit na file.",
  "A file may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Hanggang {0} byte ({1} MiB) lang ang isang file. Magpadala ng mas maliit na file.",
  "The request body is empty: send the file's bytes as the body.":
    "Walang laman ang body ng request: ipadala ang mga byte ng file bilang body.",
  "The body did not match its Content-Length of {0} bytes. Send the whole file with its exact length.":
    "Hindi tugma ang body sa Content-Length nito na {0} byte. Ipadala ang buong file sa eksaktong haba nito.",
  "Product photos must be {0}; this request says {1}. Send the image with its Content-Type.":
    "Dapat {0} ang mga larawan ng produkto; {1} ang sinasabi ng request na ito. Ipadala ang larawan kasama ang Content-Type nito.",
  "Product photos must be {0}; this request has no Content-Type. Send the image with its Content-Type.":
    "Dapat {0} ang mga larawan ng produkto; walang Content-Type ang request na ito. Ipadala ang larawan kasama ang Content-Type nito.",
  "A product has at most {0} photos.": "Hanggang {0} larawan lang ang puwede sa isang produkto.",
  "The bytes are {0} but Content-Type says {1}. Send the matching Content-Type.":
    "{0} ang mga byte pero {1} ang sinasabi ng Content-Type. Ipadala ang tugmang Content-Type.",
  "The body is not a {0} image. Product photos must be {1}.":
    "Hindi {0} na larawan ang body. Dapat {1} ang mga larawan ng produkto.",
  "Send the file's Content-Type, e.g. image/jpeg or application/pdf.":
    "Ipadala ang Content-Type ng file, hal. image/jpeg o application/pdf.",
  "The body is not a {0} image. Send it as a file with its real Content-Type instead.":
    "Hindi {0} na larawan ang body. Ipadala na lang ito bilang file kasama ang tunay nitong Content-Type.",
  "No caller.": "Walang caller.",
  'Frames are small JSON text, e.g. {"type":"ping"}.': 'Maliliit na JSON text ang mga frame, hal. {"type":"ping"}.',
  'This stream only receives; the one client frame is {"type":"ping"}.':
    'Tumatanggap lang ang stream na ito; ang tanging frame mula sa client ay {"type":"ping"}.',
  "The stream could not be opened. Retry.": "Hindi mabuksan ang stream. Subukan ulit.",
  "This ticket is unknown, used or expired. Take a new one with POST /api/v1/realtime/tickets.":
    "Hindi kilala, nagamit na, o expired na ang ticket na ito. Kumuha ng bago gamit ang POST /api/v1/realtime/tickets.",
  "The session that took this ticket has ended. Sign in again.":
    "Natapos na ang session na kumuha ng ticket na ito. Mag-sign in ulit.",
  "Send 'Authorization: Bearer <accessToken>', or ?ticket= from POST /api/v1/realtime/tickets.":
    "Ipadala ang 'Authorization: Bearer <accessToken>', o ang ?ticket= mula sa POST /api/v1/realtime/tickets.",
};
