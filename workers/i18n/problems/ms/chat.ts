import type { ProblemTranslations } from "../types";

/** Malay problem details of chat, media uploads and realtime streams, keyed by the English template. */
export const chat: ProblemTranslations = {
  "There is no dialog with this id.": "Tiada perbualan dengan ID ini.",
  "You are not a member of this dialog.": "Anda bukan ahli perbualan ini.",
  "One participant does not exist: {0}. Send the ids of existing users.":
    "Seorang peserta tidak wujud: {0}. Hantar ID pengguna yang wujud.",
  "{0} participants do not exist: {1}. Send the ids of existing users.":
    "{0} peserta tidak wujud: {1}. Hantar ID pengguna yang wujud.",
  "There is no flag with this id.": "Tiada laporan dengan ID ini.",
  "You cannot report your own message.": "Anda tidak boleh melaporkan mesej anda sendiri.",
  "The report could not be stored. Retry.": "Laporan tidak dapat disimpan. Cuba lagi.",
  "The cursor is not one this list gave out. Pass nextCursor unchanged.":
    "Cursor ini bukan daripada senarai ini. Hantar nextCursor tanpa diubah.",
  "A direct dialog is you and exactly one other person: send their id as participantIds.":
    "Perbualan terus ialah anda dan tepat seorang lagi: hantar ID mereka sebagai participantIds.",
  "A channel holds at most {0} members, you included.": "Saluran memuatkan paling banyak {0} ahli, termasuk anda.",
  "A group holds at most {0} members, you included.": "Kumpulan memuatkan paling banyak {0} ahli, termasuk anda.",
  "This is your own shop: buyers open support chats with you, not you with yourself.":
    "Ini kedai anda sendiri: pembeli yang membuka sembang sokongan dengan anda, bukan anda dengan diri sendiri.",
  "There is no product with this id that can be shown.": "Tiada produk dengan ID ini yang boleh dipaparkan.",
  "There is no order with this id that can be shown.": "Tiada pesanan dengan ID ini yang boleh dipaparkan.",
  "Only the buyer of this order or its shop's owner can share it.":
    "Hanya pembeli pesanan ini atau pemilik kedainya boleh berkongsinya.",
  "Open this path as a WebSocket.": "Buka laluan ini sebagai WebSocket.",
  "There is no message with this id in this dialog.": "Tiada mesej dengan ID ini dalam perbualan ini.",
  "Only its sender can edit a message.": "Hanya penghantarnya boleh mengedit mesej.",
  "This message was deleted.": "Mesej ini telah dipadam.",
  "This kind of message has no text to edit.": "Jenis mesej ini tiada teks untuk diedit.",
  "A message holds at most {0} characters of text.": "Satu mesej memuatkan paling banyak {0} aksara teks.",
  "A text message needs text.": "Mesej teks memerlukan teks.",
  "System messages cannot be deleted.": "Mesej sistem tidak boleh dipadam.",
  "Only its sender can delete a message.": "Hanya penghantarnya boleh memadam mesej.",
  "emoji must be one emoji, such as 👍.": "emoji mestilah satu emoji, seperti 👍.",
  "You can add at most {0} reactions to one message.": "Anda boleh menambah paling banyak {0} reaksi pada satu mesej.",
  "Frames are JSON text, not binary.": "Frame ialah teks JSON, bukan binari.",
  "A frame holds at most {0} bytes.": "Satu frame memuatkan paling banyak {0} bait.",
  'A frame is one JSON object such as {"type":"ping"}.': 'Frame ialah satu objek JSON seperti {"type":"ping"}.',
  "Invalid frame ({0}: {1}). Types: send, read, delivered, typing, ping, replay.":
    "Frame tidak sah ({0}: {1}). Jenis: send, read, delivered, typing, ping, replay.",
  "Invalid frame. Types: send, read, delivered, typing, ping, replay.":
    "Frame tidak sah. Jenis: send, read, delivered, typing, ping, replay.",
  "That frame could not be handled. Retry it.": "Frame itu tidak dapat dikendalikan. Cuba hantar semula.",
  "A replay page is still being sent on this socket. Ask for the next one after it.":
    "Halaman main semula masih dihantar pada soket ini. Minta halaman seterusnya selepas ia selesai.",
  "A direct dialog has exactly two people. Create a group to talk with more.":
    "Perbualan terus hanya untuk dua orang. Cipta kumpulan untuk berbual dengan lebih ramai.",
  "Only the dialog's admins can add members.": "Hanya pentadbir perbualan boleh menambah ahli.",
  "A channel holds at most {0} members; it has {1}.": "Saluran memuatkan paling banyak {0} ahli; ia ada {1}.",
  "A group holds at most {0} members; it has {1}.": "Kumpulan memuatkan paling banyak {0} ahli; ia ada {1}.",
  "Nobody leaves a direct dialog; mute it instead.":
    "Tiada sesiapa boleh keluar daripada perbualan terus; senyapkan sahaja.",
  "Only the dialog's admins can remove members.": "Hanya pentadbir perbualan boleh mengeluarkan ahli.",
  "This user is not a member of the dialog.": "Pengguna ini bukan ahli perbualan.",
  "You are no longer a member of this dialog.": "Anda bukan lagi ahli perbualan ini.",
  "A direct dialog has no admins.": "Perbualan terus tiada pentadbir.",
  "Only the dialog's admins can change roles.": "Hanya pentadbir perbualan boleh menukar peranan.",
  "A dialog needs at least one admin. Make someone else admin first.":
    "Perbualan memerlukan sekurang-kurangnya seorang pentadbir. Jadikan orang lain pentadbir dahulu.",
  "A direct dialog has no name.": "Perbualan terus tiada nama.",
  "Only the dialog's admins can rename it.": "Hanya pentadbir perbualan boleh menukar namanya.",
  "Only the channel's admins post here.": "Hanya pentadbir saluran boleh menyiarkan di sini.",
  "Too many messages in this dialog. Try again in 1 second.":
    "Terlalu banyak mesej dalam perbualan ini. Cuba lagi dalam 1 saat.",
  "Too many messages in this dialog. Try again in {0} seconds.":
    "Terlalu banyak mesej dalam perbualan ini. Cuba lagi dalam {0} saat.",
  "Too many messages across your dialogs. Try again in 1 second.":
    "Terlalu banyak mesej merentas perbualan anda. Cuba lagi dalam 1 saat.",
  "Too many messages across your dialogs. Try again in {0} seconds.":
    "Terlalu banyak mesej merentas perbualan anda. Cuba lagi dalam {0} saat.",
  "Only the channel's admins post here; members read.":
    "Hanya pentadbir saluran boleh menyiarkan di sini; ahli hanya membaca.",
  "replyTo names no message of this dialog.": "replyTo tidak merujuk kepada mana-mana mesej dalam perbualan ini.",
  "At most {0} connections per dialog: this one was replaced by a newer one.":
    "Paling banyak {0} sambungan bagi setiap perbualan: sambungan ini telah digantikan oleh sambungan yang lebih baharu.",
  "This room has not been set up.": "Bilik ini belum disediakan.",
  "The dialog is being set up. Retry in a moment.": "Perbualan sedang disediakan. Cuba lagi sebentar lagi.",
  "The dialog cannot be opened now.": "Perbualan tidak dapat dibuka sekarang.",
  "The socket could not be opened. Retry.": "Soket tidak dapat dibuka. Cuba lagi.",
  "Open this path as a WebSocket (Upgrade: websocket).": "Buka laluan ini sebagai WebSocket (Upgrade: websocket).",
  "You can see the presence of people you share a dialog with.":
    "Anda boleh melihat kehadiran orang yang berkongsi perbualan dengan anda.",
  "There is no media with this id that you may see. Chat pictures and files are served to the members of their dialog: fetch the message's url with your access token.":
    "Tiada media dengan ID ini yang boleh anda lihat. Gambar dan fail sembang diberikan kepada ahli perbualannya sahaja: buka url mesej itu dengan token akses anda.",
  "A product image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Imej produk boleh bersaiz paling besar {0} bait ({1} MiB). Hantar fail yang lebih kecil.",
  "An image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Imej boleh bersaiz paling besar {0} bait ({1} MiB). Hantar fail yang lebih kecil.",
  "A file may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Fail boleh bersaiz paling besar {0} bait ({1} MiB). Hantar fail yang lebih kecil.",
  "The request body is empty: send the file's bytes as the body.":
    "Kandungan permintaan kosong: hantar bait fail sebagai kandungan.",
  "The body did not match its Content-Length of {0} bytes. Send the whole file with its exact length.":
    "Kandungan tidak sepadan dengan Content-Length {0} bait. Hantar keseluruhan fail dengan panjang yang tepat.",
  "Product photos must be {0}; this request says {1}. Send the image with its Content-Type.":
    "Foto produk mestilah {0}; permintaan ini menyatakan {1}. Hantar imej dengan Content-Type-nya.",
  "Product photos must be {0}; this request has no Content-Type. Send the image with its Content-Type.":
    "Foto produk mestilah {0}; permintaan ini tiada Content-Type. Hantar imej dengan Content-Type-nya.",
  "A product has at most {0} photos.": "Satu produk mempunyai paling banyak {0} foto.",
  "The bytes are {0} but Content-Type says {1}. Send the matching Content-Type.":
    "Bait fail ialah {0} tetapi Content-Type menyatakan {1}. Hantar Content-Type yang sepadan.",
  "The body is not a {0} image. Product photos must be {1}.": "Kandungan bukan imej {0}. Foto produk mestilah {1}.",
  "Send the file's Content-Type, e.g. image/jpeg or application/pdf.":
    "Hantar Content-Type fail, contohnya image/jpeg atau application/pdf.",
  "The body is not a {0} image. Send it as a file with its real Content-Type instead.":
    "Kandungan bukan imej {0}. Hantarnya sebagai fail dengan Content-Type sebenar.",
  "No caller.": "Tiada pemanggil.",
  'Frames are small JSON text, e.g. {"type":"ping"}.': 'Frame ialah teks JSON yang kecil, contohnya {"type":"ping"}.',
  'This stream only receives; the one client frame is {"type":"ping"}.':
    'Strim ini hanya menerima; satu-satunya frame pelanggan ialah {"type":"ping"}.',
  "The stream could not be opened. Retry.": "Strim tidak dapat dibuka. Cuba lagi.",
  "This ticket is unknown, used or expired. Take a new one with POST /api/v1/realtime/tickets.":
    "Tiket ini tidak dikenali, telah digunakan atau telah tamat tempoh. Ambil tiket baharu dengan POST /api/v1/realtime/tickets.",
  "The session that took this ticket has ended. Sign in again.":
    "Sesi yang mengambil tiket ini telah tamat. Sila log masuk semula.",
  "Send 'Authorization: Bearer <accessToken>', or ?ticket= from POST /api/v1/realtime/tickets.":
    "Hantar 'Authorization: Bearer <accessToken>', atau ?ticket= daripada POST /api/v1/realtime/tickets.",
};
