import type { ProblemTranslations } from "../types";

/** Indonesian problem details of the platform: accounts, sign-in, sessions, request checks and rate limits, keyed by the English template. */
export const platform: ProblemTranslations = {
  "{0} is not supported here. Use {1}.": "{0} tidak didukung di sini. Gunakan {1}.",
  "This account is suspended. Contact support to have it reinstated.":
    "Akun ini ditangguhkan. Hubungi tim dukungan untuk mengaktifkannya kembali.",
  "There is no account with this id.": "Tidak ada akun dengan ID ini.",
  "This account was deleted; there is nothing to change.": "Akun ini sudah dihapus; tidak ada yang bisa diubah.",
  "You can keep at most {0} addresses. Delete one first.":
    "Anda dapat menyimpan paling banyak {0} alamat. Hapus salah satu terlebih dahulu.",
  "You have no address with this id.": "Anda tidak memiliki alamat dengan ID ini.",
  "Send the access token as 'Authorization: Bearer <token>'.":
    "Kirim token akses sebagai 'Authorization: Bearer <token>'.",
  "This session has ended. Sign in again.": "Sesi ini telah berakhir. Silakan masuk lagi.",
  "A code was just sent to this number. Wait 1 second before asking for another.":
    "Kode baru saja dikirim ke nomor ini. Tunggu 1 detik sebelum meminta kode lain.",
  "A code was just sent to this number. Wait {0} seconds before asking for another.":
    "Kode baru saja dikirim ke nomor ini. Tunggu {0} detik sebelum meminta kode lain.",
  "There is no valid code for this number: it expired or was used. Request a new code.":
    "Tidak ada kode yang berlaku untuk nomor ini: kode sudah kedaluwarsa atau sudah digunakan. Minta kode baru.",
  "Too many wrong codes. Request a new code and try again.":
    "Terlalu banyak kode yang salah. Minta kode baru lalu coba lagi.",
  "This code was already used. Request a new code.": "Kode ini sudah digunakan. Minta kode baru.",
  "This account is not active. Contact support.": "Akun ini tidak aktif. Hubungi tim dukungan.",
  "That code is not right. 1 attempt left.": "Kode tersebut salah. Sisa 1 percobaan.",
  "That code is not right. {0} attempts left.": "Kode tersebut salah. Sisa {0} percobaan.",
  "An account with this email already exists. Sign in, or reset the password if you forgot it.":
    "Akun dengan email ini sudah ada. Silakan masuk, atau atur ulang kata sandi jika Anda lupa.",
  "Too many failed sign-ins for this account. Try again in 1 minute, or reset your password.":
    "Terlalu banyak upaya masuk yang gagal untuk akun ini. Coba lagi dalam 1 menit, atau atur ulang kata sandi Anda.",
  "Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password.":
    "Terlalu banyak upaya masuk yang gagal untuk akun ini. Coba lagi dalam {0} menit, atau atur ulang kata sandi Anda.",
  "The email or password is not right. Check both, or reset your password.":
    "Email atau kata sandi salah. Periksa keduanya, atau atur ulang kata sandi Anda.",
  "This reset link is invalid, expired or already used. Ask for a new one.":
    "Tautan atur ulang ini tidak valid, sudah kedaluwarsa, atau sudah digunakan. Minta tautan baru.",
  "This account no longer exists.": "Akun ini sudah tidak ada.",
  "You have no live session with this id. List them at GET /api/v1/auth/sessions.":
    "Anda tidak memiliki sesi aktif dengan ID ini. Lihat daftarnya di GET /api/v1/auth/sessions.",
  "This refresh token was already used, so the session has been signed out for safety. Sign in again.":
    "Refresh token ini sudah pernah digunakan, jadi sesi ini telah dikeluarkan demi keamanan. Silakan masuk lagi.",
  "Unknown refresh token. Sign in again.": "Refresh token tidak dikenal. Silakan masuk lagi.",
  "The access token is invalid or expired. Refresh it or sign in again.":
    "Token akses tidak valid atau sudah kedaluwarsa. Perbarui token atau masuk lagi.",
  "Sign in first: send 'Authorization: Bearer <accessToken>'.":
    "Silakan masuk terlebih dahulu: kirim 'Authorization: Bearer <accessToken>'.",
  "This needs the {0} role.": "Tindakan ini memerlukan peran {0}.",
  "Sign in first.": "Silakan masuk terlebih dahulu.",
  "The request body is larger than {0} bytes. Send at most {1} bytes.":
    "Isi permintaan lebih besar dari {0} byte. Kirim paling banyak {1} byte.",
  "The request body is larger than {0} bytes. Send at most {1} bytes of JSON.":
    "Isi permintaan lebih besar dari {0} byte. Kirim paling banyak {1} byte JSON.",
  "Nothing exists at {0}. See /docs for the API's paths.":
    "Tidak ada apa pun di {0}. Lihat /docs untuk daftar path API.",
  "Too many of these requests from this account. Try again in 1 second.":
    "Terlalu banyak permintaan seperti ini dari akun ini. Coba lagi dalam 1 detik.",
  "Too many of these requests from this account. Try again in {0} seconds.":
    "Terlalu banyak permintaan seperti ini dari akun ini. Coba lagi dalam {0} detik.",
  "Too many of these requests from this network. Try again in 1 second.":
    "Terlalu banyak permintaan seperti ini dari jaringan ini. Coba lagi dalam 1 detik.",
  "Too many of these requests from this network. Try again in {0} seconds.":
    "Terlalu banyak permintaan seperti ini dari jaringan ini. Coba lagi dalam {0} detik.",
  "No dead letter has the id {0}. List them at /api/v1/admin/dead-letters.":
    "Tidak ada dead letter dengan ID {0}. Lihat daftarnya di /api/v1/admin/dead-letters.",
  "This dead letter is not an event the outbox still holds (a malformed message, or one older than the outbox keeps), so it cannot be replayed.":
    "Dead letter ini bukan event yang masih disimpan outbox (pesan yang rusak, atau lebih lama dari masa simpan outbox), jadi tidak dapat diputar ulang.",
  "The request body is not valid JSON. Send a JSON document.":
    "Isi permintaan bukan JSON yang valid. Kirim dokumen JSON.",
  "Something went wrong on our side. Retry the request; if it keeps failing, contact support with the requestId.":
    "Terjadi kesalahan di sistem kami. Coba kirim ulang permintaan; jika terus gagal, hubungi tim dukungan dengan menyertakan requestId.",
  "The request could not be read.": "Permintaan tidak dapat dibaca.",
  "Sign in and send a Bearer token.": "Silakan masuk dan kirim Bearer token.",
  "The request body is too large.": "Isi permintaan terlalu besar.",
  "Unsupported Content-Type.": "Content-Type tidak didukung.",
  "Too many requests. Retry later.": "Terlalu banyak permintaan. Coba lagi nanti.",
  "Something went wrong on our side. Retry the request.":
    "Terjadi kesalahan di sistem kami. Coba kirim ulang permintaan.",
  "The request could not be processed.": "Permintaan tidak dapat diproses.",
  "This request creates money or orders, so it needs an Idempotency-Key header: a unique value (e.g. a UUID) per intended operation, reused only to retry it.":
    "Permintaan ini membuat transaksi uang atau pesanan, jadi memerlukan header Idempotency-Key: nilai unik (misalnya UUID) untuk setiap operasi, yang dipakai ulang hanya untuk mencoba ulang operasi tersebut.",
  "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.":
    "Header Idempotency-Key harus berisi 1 sampai 255 karakter ASCII yang terlihat, misalnya UUID.",
  "This Idempotency-Key was already used with a different request body. Use a new key for a new operation.":
    "Idempotency-Key ini sudah digunakan dengan isi permintaan yang berbeda. Gunakan key baru untuk operasi baru.",
  "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.":
    "Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi untuk mendapatkan hasilnya.",
  "The query string is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Query string tidak valid ({0}: {1}). Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The query string is invalid. Fix the fields listed in errors and send it again.":
    "Query string tidak valid. Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The path is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Path tidak valid ({0}: {1}). Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The path is invalid. Fix the fields listed in errors and send it again.":
    "Path tidak valid. Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The request headers are invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Header permintaan tidak valid ({0}: {1}). Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The request headers are invalid. Fix the fields listed in errors and send it again.":
    "Header permintaan tidak valid. Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The request body is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Isi permintaan tidak valid ({0}: {1}). Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The request body is invalid. Fix the fields listed in errors and send it again.":
    "Isi permintaan tidak valid. Perbaiki kolom yang tercantum di errors lalu kirim lagi.",
  "The cursor is not one this list gave out. Pass nextCursor from the previous page unchanged, or omit it to start over.":
    "Cursor ini bukan berasal dari daftar ini. Kirim nextCursor dari halaman sebelumnya tanpa diubah, atau hilangkan untuk mulai dari awal.",
  "We do not serve {0} yet. Choose one of {1}.": "Kami belum melayani {0}. Pilih salah satu dari {1}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.":
    "Itu bukan nomor telepon yang valid untuk {0}. Masukkan nomor ponsel {1} seperti {2} atau {3}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1}.":
    "Itu bukan nomor telepon yang valid untuk {0}. Masukkan nomor ponsel {1}.",
  "Too many code requests from this network. Try again in 1 second.":
    "Terlalu banyak permintaan kode dari jaringan ini. Coba lagi dalam 1 detik.",
  "Too many code requests from this network. Try again in {0} seconds.":
    "Terlalu banyak permintaan kode dari jaringan ini. Coba lagi dalam {0} detik.",
  "Too many codes for this number this hour. Try again in 1 second.":
    "Terlalu banyak kode untuk nomor ini dalam satu jam ini. Coba lagi dalam 1 detik.",
  "Too many codes for this number this hour. Try again in {0} seconds.":
    "Terlalu banyak kode untuk nomor ini dalam satu jam ini. Coba lagi dalam {0} detik.",
  "Too many sign-in attempts from this network. Try again in 1 second.":
    "Terlalu banyak upaya masuk dari jaringan ini. Coba lagi dalam 1 detik.",
  "Too many sign-in attempts from this network. Try again in {0} seconds.":
    "Terlalu banyak upaya masuk dari jaringan ini. Coba lagi dalam {0} detik.",
  "Too many requests from this network. Try again in 1 second.":
    "Terlalu banyak permintaan dari jaringan ini. Coba lagi dalam 1 detik.",
  "Too many requests from this network. Try again in {0} seconds.":
    "Terlalu banyak permintaan dari jaringan ini. Coba lagi dalam {0} detik.",
  "Too many realtime tickets. Try again in 1 second.": "Terlalu banyak tiket realtime. Coba lagi dalam 1 detik.",
  "Too many realtime tickets. Try again in {0} seconds.": "Terlalu banyak tiket realtime. Coba lagi dalam {0} detik.",
  "Too many device registrations. Try again in 1 second.":
    "Terlalu banyak pendaftaran perangkat. Coba lagi dalam 1 detik.",
  "Too many device registrations. Try again in {0} seconds.":
    "Terlalu banyak pendaftaran perangkat. Coba lagi dalam {0} detik.",
};
