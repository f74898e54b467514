import type { ProblemTranslations } from "../types";

/** Indonesian problem details of chat, media uploads and realtime streams, keyed by the English template. */
export const chat: ProblemTranslations = {
  "There is no dialog with this id.": "Tidak ada percakapan dengan ID ini.",
  "You are not a member of this dialog.": "Anda bukan anggota percakapan ini.",
  "One participant does not exist: {0}. Send the ids of existing users.":
    "Satu peserta tidak ada: {0}. Kirim ID pengguna yang ada.",
  "{0} participants do not exist: {1}. Send the ids of existing users.":
    "{0} peserta tidak ada: {1}. Kirim ID pengguna yang ada.",
  "There is no flag with this id.": "Tidak ada laporan dengan ID ini.",
  "You cannot report your own message.": "Anda tidak dapat melaporkan pesan Anda sendiri.",
  "The report could not be stored. Retry.": "Laporan tidak dapat disimpan. Coba lagi.",
  "The cursor is not one this list gave out. Pass nextCursor unchanged.":
    "Cursor ini bukan berasal dari daftar ini. Kirim nextCursor tanpa diubah.",
  "A direct dialog is you and exactly one other person: send their id as participantIds.":
    "Percakapan langsung terdiri dari Anda dan tepat satu orang lain: kirim ID-nya sebagai participantIds.",
  "A channel holds at most {0} members, you included.": "Saluran berisi paling banyak {0} anggota, termasuk Anda.",
  "A group holds at most {0} members, you included.": "Grup berisi paling banyak {0} anggota, termasuk Anda.",
  "This is your own shop: buyers open support chats with you, not you with yourself.":
    "Ini toko Anda sendiri: pembeli yang membuka chat dukungan dengan Anda, bukan Anda dengan diri sendiri.",
  "There is no product with this id that can be shown.": "Tidak ada produk dengan ID ini yang dapat ditampilkan.",
  "There is no order with this id that can be shown.": "Tidak ada pesanan dengan ID ini yang dapat ditampilkan.",
  "Only the buyer of this order or its shop's owner can share it.":
    "Hanya pembeli pesanan ini atau pemilik tokonya yang dapat membagikannya.",
  "Open this path as a WebSocket.": "Buka path ini sebagai WebSocket.",
  "There is no message with this id in this dialog.": "Tidak ada pesan dengan ID ini di percakapan ini.",
  "Only its sender can edit a message.": "Hanya pengirimnya yang dapat mengedit pesan.",
  "This message was deleted.": "Pesan ini sudah dihapus.",
  "This kind of message has no text to edit.": "Jenis pesan ini tidak memiliki teks untuk diedit.",
  "A message holds at most {0} characters of text.": "Satu pesan berisi paling banyak {0} karakter teks.",
  "A text message needs text.": "Pesan teks harus berisi teks.",
  "System messages cannot be deleted.": "Pesan sistem tidak dapat dihapus.",
  "Only its sender can delete a message.": "Hanya pengirimnya yang dapat menghapus pesan.",
  "emoji must be one emoji, such as 👍.": "emoji harus berupa satu emoji, misalnya 👍.",
  "You can add at most {0} reactions to one message.":
    "Anda dapat menambahkan paling banyak {0} reaksi pada satu pesan.",
  "Frames are JSON text, not binary.": "Frame berupa teks JSON, bukan biner.",
  "A frame holds at most {0} bytes.": "Satu frame berukuran paling besar {0} byte.",
  'A frame is one JSON object such as {"type":"ping"}.': 'Frame adalah satu objek JSON seperti {"type":"ping"}.',
  "Invalid frame ({0}: {1}). Types: send, read, delivered, typing, ping, replay.":
    "Frame tidak valid ({0}: {1}). Jenis: send, read, delivered, typing, ping, replay.",
  "Invalid frame. Types: send, read, delivered, typing, ping, replay.":
    "Frame tidak valid. Jenis: send, read, delivered, typing, ping, replay.",
  "That frame could not be handled. Retry it.": "Frame tersebut tidak dapat diproses. Coba kirim lagi.",
  "A replay page is still being sent on this socket. Ask for the next one after it.":
    "Halaman replay masih dikirim di soket ini. Minta halaman berikutnya setelah halaman ini selesai.",
  "A direct dialog has exactly two people. Create a group to talk with more.":
    "Percakapan langsung hanya untuk dua orang. Buat grup untuk mengobrol dengan lebih banyak orang.",
  "Only the dialog's admins can add members.": "Hanya admin percakapan yang dapat menambahkan anggota.",
  "A channel holds at most {0} members; it has {1}.": "Saluran berisi paling banyak {0} anggota; saat ini ada {1}.",
  "A group holds at most {0} members; it has {1}.": "Grup berisi paling banyak {0} anggota; saat ini ada {1}.",
  "Nobody leaves a direct dialog; mute it instead.":
    "Tidak ada yang bisa keluar dari percakapan langsung; bisukan saja.",
  "Only the dialog's admins can remove members.": "Hanya admin percakapan yang dapat mengeluarkan anggota.",
  "This user is not a member of the dialog.": "Pengguna ini bukan anggota percakapan.",
  "You are no longer a member of this dialog.": "Anda sudah bukan anggota percakapan ini.",
  "A direct dialog has no admins.": "Percakapan langsung tidak memiliki admin.",
  "Only the dialog's admins can change roles.": "Hanya admin percakapan yang dapat mengubah peran.",
  "A dialog needs at least one admin. Make someone else admin first.":
    "Percakapan memerlukan setidaknya satu admin. Jadikan orang lain admin terlebih dahulu.",
  "A direct dialog has no name.": "Percakapan langsung tidak memiliki nama.",
  "Only the dialog's admins can rename it.": "Hanya admin percakapan yang dapat mengganti namanya.",
  "Only the channel's admins post here.": "Hanya admin saluran yang dapat memposting di sini.",
  "Too many messages in this dialog. Try again in 1 second.":
    "Terlalu banyak pesan di percakapan ini. Coba lagi dalam 1 detik.",
  "Too many messages in this dialog. Try again in {0} seconds.":
    "Terlalu banyak pesan di percakapan ini. Coba lagi dalam {0} detik.",
  "Too many messages across your dialogs. Try again in 1 second.":
    "Terlalu banyak pesan di seluruh percakapan Anda. Coba lagi dalam 1 detik.",
  "Too many messages across your dialogs. Try again in {0} seconds.":
    "Terlalu banyak pesan di seluruh percakapan Anda. Coba lagi dalam {0} detik.",
  "Only the channel's admins post here; members read.":
    "Hanya admin saluran yang dapat memposting di sini; anggota hanya membaca.",
  "replyTo names no message of this dialog.": "replyTo tidak merujuk ke pesan mana pun di percakapan ini.",
  "At most {0} connections per dialog: this one was replaced by a newer one.":
    "Paling banyak {0} koneksi per percakapan: koneksi ini telah digantikan oleh koneksi yang lebih baru.",
  "This room has not been set up.": "Ruang ini belum disiapkan.",
  "The dialog is being set up. Retry in a moment.": "Percakapan sedang disiapkan. Coba lagi sebentar lagi.",
  "The dialog cannot be opened now.": "Percakapan tidak dapat dibuka saat ini.",
  "The socket could not be opened. Retry.": "Soket tidak dapat dibuka. Coba lagi.",
  "Open this path as a WebSocket (Upgrade: websocket).": "Buka path ini sebagai WebSocket (Upgrade: websocket).",
  "You can see the presence of people you share a dialog with.":
    "Anda dapat melihat status kehadiran orang yang berada dalam percakapan yang sama dengan Anda.",
  "There is no media with this id that you may see. Chat pictures and files are served to the members of their dialog: fetch the message's url with your access token.":
    "Tidak ada media dengan ID ini yang boleh Anda lihat. Gambar dan file chat hanya diberikan kepada anggota percakapannya: buka url pesan tersebut dengan token akses Anda.",
  "A product image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Gambar produk berukuran paling besar {0} byte ({1} MiB). Kirim file yang lebih kecil.",
  "An image may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "Gambar berukuran paling besar {0} byte ({1} MiB). Kirim file yang lebih kecil.",
  "A file may be at most {0} bytes ({1} MiB). Send a smaller file.":
    "File berukuran paling besar {0} byte ({1} MiB). Kirim file yang lebih kecil.",
  "The request body is empty: send the file's bytes as the body.":
    "Isi permintaan kosong: kirim byte file sebagai isi permintaan.",
  "The body did not match its Content-Length of {0} bytes. Send the whole file with its exact length.":
    "Isi permintaan tidak sesuai dengan Content-Length {0} byte. Kirim seluruh file dengan panjang yang tepat.",
  "Product photos must be {0}; this request says {1}. Send the image with its Content-Type.":
    "Foto produk harus berupa {0}; permintaan ini menyebutkan {1}. Kirim gambar dengan Content-Type-nya.",
  "Product photos must be {0}; this request has no Content-Type. Send the image with its Content-Type.":
    "Foto produk harus berupa {0}; permintaan ini tidak memiliki Content-Type. Kirim gambar dengan Content-Type-nya.",
  "A product has at most {0} photos.": "Satu produk memiliki paling banyak {0} foto.",
  "The bytes are {0} but Content-Type says {1}. Send the matching Content-Type.":
    "Isi file berupa {0} tetapi Content-Type menyebutkan {1}. Kirim Content-Type yang sesuai.",
  "The body is not a {0} image. Product photos must be {1}.":
    "Isi permintaan bukan gambar {0}. Foto produk harus berupa {1}.",
  "Send the file's Content-Type, e.g. image/jpeg or application/pdf.":
    "Kirim Content-Type file, misalnya image/jpeg atau application/pdf.",
  "The body is not a {0} image. Send it as a file with its real Content-Type instead.":
    "Isi permintaan bukan gambar {0}. Kirim sebagai file dengan Content-Type yang sebenarnya.",
  "No caller.": "Tidak ada pemanggil.",
  'Frames are small JSON text, e.g. {"type":"ping"}.':
    'Frame berupa teks JSON berukuran kecil, misalnya {"type":"ping"}.',
  'This stream only receives; the one client frame is {"type":"ping"}.':
    'Stream ini hanya menerima; satu-satunya frame dari klien adalah {"type":"ping"}.',
  "The stream could not be opened. Retry.": "Stream tidak dapat dibuka. Coba lagi.",
  "This ticket is unknown, used or expired. Take a new one with POST /api/v1/realtime/tickets.":
    "Tiket ini tidak dikenal, sudah digunakan, atau sudah kedaluwarsa. Ambil tiket baru dengan POST /api/v1/realtime/tickets.",
  "The session that took this ticket has ended. Sign in again.":
    "Sesi yang mengambil tiket ini telah berakhir. Silakan masuk lagi.",
  "Send 'Authorization: Bearer <accessToken>', or ?ticket= from POST /api/v1/realtime/tickets.":
    "Kirim 'Authorization: Bearer <accessToken>', atau ?ticket= dari POST /api/v1/realtime/tickets.",
};
