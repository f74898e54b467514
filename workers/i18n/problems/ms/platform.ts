import type { ProblemTranslations } from "../types";

/** Malay problem details of the platform: accounts, sign-in, sessions, request checks and rate limits, keyed by the English template. */
export const platform: ProblemTranslations = {
  "{0} is not supported here. Use {1}.": "{0} tidak disokong di sini. Gunakan {1}.",
  "This account is suspended. Contact support to have it reinstated.":
    "Akaun ini telah digantung. Hubungi pihak sokongan untuk mengaktifkannya semula.",
  "There is no account with this id.": "Tiada akaun dengan ID ini.",
  "This account was deleted; there is nothing to change.": "Akaun ini telah dipadam; tiada apa-apa untuk diubah.",
  "You can keep at most {0} addresses. Delete one first.":
    "Anda boleh menyimpan paling banyak {0} alamat. Padam satu alamat dahulu.",
  "You have no address with this id.": "Anda tiada alamat dengan ID ini.",
  "Send the access token as 'Authorization: Bearer <token>'.":
    "Hantar token akses sebagai 'Authorization: Bearer <token>'.",
  "This session has ended. Sign in again.": "Sesi ini telah tamat. Sila log masuk semula.",
  "A code was just sent to this number. Wait 1 second before asking for another.":
    "Kod baru sahaja dihantar ke nombor ini. Tunggu 1 saat sebelum meminta kod lain.",
  "A code was just sent to this number. Wait {0} seconds before asking for another.":
    "Kod baru sahaja dihantar ke nombor ini. Tunggu {0} saat sebelum meminta kod lain.",
  "There is no valid code for this number: it expired or was used. Request a new code.":
    "Tiada kod yang sah untuk nombor ini: kod telah tamat tempoh atau telah digunakan. Minta kod baharu.",
  "Too many wrong codes. Request a new code and try again.":
    "Terlalu banyak kod yang salah. Minta kod baharu dan cuba lagi.",
  "This code was already used. Request a new code.": "Kod ini telah digunakan. Minta kod baharu.",
  "This account is not active. Contact support.": "Akaun ini tidak aktif. Hubungi pihak sokongan.",
  "That code is not right. 1 attempt left.": "Kod itu tidak betul. Tinggal 1 percubaan.",
  "That code is not right. {0} attempts left.": "Kod itu tidak betul. Tinggal {0} percubaan.",
  "An account with this email already exists. Sign in, or reset the password if you forgot it.":
    "Akaun dengan e-mel ini sudah wujud. Log masuk, atau tetapkan semula kata laluan jika anda terlupa.",
  "Too many failed sign-ins for this account. Try again in 1 minute, or reset your password.":
    "Terlalu banyak percubaan log masuk yang gagal untuk akaun ini. Cuba lagi dalam 1 minit, atau tetapkan semula kata laluan anda.",
  "Too many failed sign-ins for this account. Try again in {0} minutes, or reset your password.":
    "Terlalu banyak percubaan log masuk yang gagal untuk akaun ini. Cuba lagi dalam {0} minit, atau tetapkan semula kata laluan anda.",
  "The email or password is not right. Check both, or reset your password.":
    "E-mel atau kata laluan tidak betul. Semak kedua-duanya, atau tetapkan semula kata laluan anda.",
  "This reset link is invalid, expired or already used. Ask for a new one.":
    "Pautan tetapan semula ini tidak sah, telah tamat tempoh atau telah digunakan. Minta pautan baharu.",
  "This account no longer exists.": "Akaun ini tidak lagi wujud.",
  "You have no live session with this id. List them at GET /api/v1/auth/sessions.":
    "Anda tiada sesi aktif dengan ID ini. Senaraikannya di GET /api/v1/auth/sessions.",
  "This refresh token was already used, so the session has been signed out for safety. Sign in again.":
    "Refresh token ini telah digunakan, jadi sesi ini telah dilog keluar demi keselamatan. Sila log masuk semula.",
  "Unknown refresh token. Sign in again.": "Refresh token tidak dikenali. Sila log masuk semula.",
  "The access token is invalid or expired. Refresh it or sign in again.":
    "Token akses tidak sah atau telah tamat tempoh. Muat semula token atau log masuk semula.",
  "Sign in first: send 'Authorization: Bearer <accessToken>'.":
    "Log masuk dahulu: hantar 'Authorization: Bearer <accessToken>'.",
  "This needs the {0} role.": "Tindakan ini memerlukan peranan {0}.",
  "Sign in first.": "Log masuk dahulu.",
  "The request body is larger than {0} bytes. Send at most {1} bytes.":
    "Kandungan permintaan melebihi {0} bait. Hantar paling banyak {1} bait.",
  "The request body is larger than {0} bytes. Send at most {1} bytes of JSON.":
    "Kandungan permintaan melebihi {0} bait. Hantar paling banyak {1} bait JSON.",
  "Nothing exists at {0}. See /docs for the API's paths.": "Tiada apa-apa di {0}. Lihat /docs untuk laluan API.",
  "Too many of these requests from this account. Try again in 1 second.":
    "Terlalu banyak permintaan seperti ini daripada akaun ini. Cuba lagi dalam 1 saat.",
  "Too many of these requests from this account. Try again in {0} seconds.":
    "Terlalu banyak permintaan seperti ini daripada akaun ini. Cuba lagi dalam {0} saat.",
  "Too many of these requests from this network. Try again in 1 second.":
    "Terlalu banyak permintaan seperti ini daripada rangkaian ini. Cuba lagi dalam 1 saat.",
  "Too many of these requests from this network. Try again in {0} seconds.":
    "Terlalu banyak permintaan seperti ini daripada rangkaian ini. Cuba lagi dalam {0} saat.",
  "No dead letter has the id {0}. List them at /api/v1/admin/dead-letters.":
    "Tiada dead letter dengan ID {0}. Senaraikannya di /api/v1/admin/dead-letters.",
  "This dead letter is not an event the outbox still holds (a malformed message, or one older than the outbox keeps), so it cannot be replayed.":
    "Dead letter ini bukan acara yang masih disimpan oleh outbox (mesej yang rosak, atau lebih lama daripada tempoh simpanan outbox), jadi ia tidak boleh dimainkan semula.",
  "The request body is not valid JSON. Send a JSON document.":
    "Kandungan permintaan bukan JSON yang sah. Hantar dokumen JSON.",
  "Something went wrong on our side. Retry the request; if it keeps failing, contact support with the requestId.":
    "Berlaku ralat di pihak kami. Cuba hantar permintaan semula; jika masih gagal, hubungi pihak sokongan dengan requestId.",
  "The request could not be read.": "Permintaan tidak dapat dibaca.",
  "Sign in and send a Bearer token.": "Log masuk dan hantar Bearer token.",
  "The request body is too large.": "Kandungan permintaan terlalu besar.",
  "Unsupported Content-Type.": "Content-Type tidak disokong.",
  "Too many requests. Retry later.": "Terlalu banyak permintaan. Cuba lagi kemudian.",
  "Something went wrong on our side. Retry the request.": "Berlaku ralat di pihak kami. Cuba hantar permintaan semula.",
  "The request could not be processed.": "Permintaan tidak dapat diproses.",
  "This request creates money or orders, so it needs an Idempotency-Key header: a unique value (e.g. a UUID) per intended operation, reused only to retry it.":
    "Permintaan ini mencipta transaksi wang atau pesanan, jadi ia memerlukan pengepala Idempotency-Key: nilai unik (contohnya UUID) bagi setiap operasi, yang digunakan semula hanya untuk mencuba semula operasi itu.",
  "The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.":
    "Pengepala Idempotency-Key mestilah 1 hingga 255 aksara ASCII yang boleh dilihat, seperti UUID.",
  "This Idempotency-Key was already used with a different request body. Use a new key for a new operation.":
    "Idempotency-Key ini telah digunakan dengan kandungan permintaan yang berbeza. Gunakan kunci baharu untuk operasi baharu.",
  "A request with this Idempotency-Key is still being processed. Retry in a moment to get its result.":
    "Permintaan dengan Idempotency-Key ini masih diproses. Cuba lagi sebentar lagi untuk mendapatkan hasilnya.",
  "The query string is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Query string tidak sah ({0}: {1}). Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The query string is invalid. Fix the fields listed in errors and send it again.":
    "Query string tidak sah. Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The path is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Laluan tidak sah ({0}: {1}). Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The path is invalid. Fix the fields listed in errors and send it again.":
    "Laluan tidak sah. Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The request headers are invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Pengepala permintaan tidak sah ({0}: {1}). Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The request headers are invalid. Fix the fields listed in errors and send it again.":
    "Pengepala permintaan tidak sah. Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The request body is invalid ({0}: {1}). Fix the fields listed in errors and send it again.":
    "Kandungan permintaan tidak sah ({0}: {1}). Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The request body is invalid. Fix the fields listed in errors and send it again.":
    "Kandungan permintaan tidak sah. Betulkan medan yang disenaraikan dalam errors dan hantar semula.",
  "The cursor is not one this list gave out. Pass nextCursor from the previous page unchanged, or omit it to start over.":
    "Cursor ini bukan daripada senarai ini. Hantar nextCursor daripada halaman sebelumnya tanpa diubah, atau tinggalkannya untuk bermula semula.",
  "We do not serve {0} yet. Choose one of {1}.":
    "Kami belum memberikan perkhidmatan di {0}. Pilih salah satu daripada {1}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.":
    "Itu bukan nombor telefon yang sah untuk {0}. Masukkan nombor telefon bimbit {1} seperti {2} atau {3}.",
  "That is not a valid phone number for {0}. Enter a mobile number of {1}.":
    "Itu bukan nombor telefon yang sah untuk {0}. Masukkan nombor telefon bimbit {1}.",
  "Too many code requests from this network. Try again in 1 second.":
    "Terlalu banyak permintaan kod daripada rangkaian ini. Cuba lagi dalam 1 saat.",
  "Too many code requests from this network. Try again in {0} seconds.":
    "Terlalu banyak permintaan kod daripada rangkaian ini. Cuba lagi dalam {0} saat.",
  "Too many codes for this number this hour. Try again in 1 second.":
    "Terlalu banyak kod untuk nombor ini dalam jam ini. Cuba lagi dalam 1 saat.",
  "Too many codes for this number this hour. Try again in {0} seconds.":
    "Terlalu banyak kod untuk nombor ini dalam jam ini. Cuba lagi dalam {0} saat.",
  "Too many sign-in attempts from this network. Try again in 1 second.":
    "Terlalu banyak percubaan log masuk daripada rangkaian ini. Cuba lagi dalam 1 saat.",
  "Too many sign-in attempts from this network. Try again in {0} seconds.":
    "Terlalu banyak percubaan log masuk daripada rangkaian ini. Cuba lagi dalam {0} saat.",
  "Too many requests from this network. Try again in 1 second.":
    "Terlalu banyak permintaan daripada rangkaian ini. Cuba lagi dalam 1 saat.",
  "Too many requests from this network. Try again in {0} seconds.":
    "Terlalu banyak permintaan daripada rangkaian ini. Cuba lagi dalam {0} saat.",
  "Too many realtime tickets. Try again in 1 second.": "Terlalu banyak tiket masa nyata. Cuba lagi dalam 1 saat.",
  "Too many realtime tickets. Try again in {0} seconds.": "Terlalu banyak tiket masa nyata. Cuba lagi dalam {0} saat.",
  "Too many device registrations. Try again in 1 second.":
    "Terlalu banyak pendaftaran peranti. Cuba lagi dalam 1 saat.",
  "Too many device registrations. Try again in {0} seconds.":
    "Terlalu banyak pendaftaran peranti. Cuba lagi dalam {0} saat.",
};
