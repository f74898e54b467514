import type { ProblemTranslations } from "../types";

/** Indonesian problem details of the seller center (my shops, bulk CSV, verification documents), keyed by the English template. */
export const sellerShop: ProblemTranslations = {
  "The first line of the CSV must name the columns: sku, and price or stock (or both), e.g. sku,price,stock.":
    "Baris pertama CSV harus menyebutkan nama kolom: sku, dan price atau stock (atau keduanya), misalnya sku,price,stock.",
  "The CSV has a header but no rows. Add one row per SKU to change.":
    "CSV memiliki baris judul tetapi tidak ada baris data. Tambahkan satu baris per SKU yang ingin diubah.",
  "The CSV has {0} rows; one upload may change at most {1}. Split it into smaller files.":
    "CSV memiliki {0} baris; satu unggahan dapat mengubah paling banyak {1}. Bagi menjadi file yang lebih kecil.",
  "Send the CSV as the request body with Content-Type: text/csv.":
    "Kirim CSV sebagai isi permintaan dengan Content-Type: text/csv.",
  "A bulk CSV may be at most {0} bytes. Split it into smaller files.":
    "CSV massal paling besar {0} byte. Bagi menjadi file yang lebih kecil.",
  "The CSV is not valid UTF-8 text. Save it as CSV UTF-8 and upload it again.":
    "CSV bukan teks UTF-8 yang valid. Simpan sebagai CSV UTF-8 lalu unggah lagi.",
  "A verification document may be at most {0} bytes. Send a smaller scan or photo.":
    "Dokumen verifikasi paling besar {0} byte. Kirim hasil pindaian atau foto yang lebih kecil.",
  "The document is empty. Send the file's bytes as the request body.":
    "Dokumen kosong. Kirim isi file sebagai isi permintaan.",
  "A verification document must be a PDF, JPEG or PNG file. Scan or photograph it in one of those formats.":
    "Dokumen verifikasi harus berupa file PDF, JPEG, atau PNG. Pindai atau foto dokumen dalam salah satu format tersebut.",
  "This shop already has {0} documents not yet sent for review. Submit them for verification first.":
    "Toko ini sudah memiliki {0} dokumen yang belum dikirim untuk ditinjau. Kirim dokumen tersebut untuk verifikasi terlebih dahulu.",
  "There is no such document for this shop.": "Dokumen ini tidak ada untuk toko ini.",
  "Send at most {0} documents in one request.": "Kirim paling banyak {0} dokumen dalam satu permintaan.",
  "This shop is already verified: there is nothing to submit.":
    "Toko ini sudah terverifikasi: tidak ada yang perlu dikirim.",
  "Every document id must be a document uploaded to this shop and not sent yet. Upload the document first, then send its id.":
    "Setiap id dokumen harus berupa dokumen yang diunggah ke toko ini dan belum dikirim. Unggah dokumen terlebih dahulu, lalu kirim id-nya.",
  "This shop already has a verification request waiting for review.":
    "Toko ini sudah memiliki permintaan verifikasi yang menunggu ditinjau.",
  "One of these documents was just sent with another request. Reload and try again.":
    "Salah satu dokumen ini baru saja dikirim dengan permintaan lain. Muat ulang lalu coba lagi.",
  "Only the shop's owner can see its verification documents.":
    "Hanya pemilik toko yang dapat melihat dokumen verifikasinya.",
  "There is no verification request with this id.": "Tidak ada permintaan verifikasi dengan id ini.",
  "Say why the documents are rejected in note, so the owner can fix them.":
    "Jelaskan alasan dokumen ditolak di note, agar pemilik dapat memperbaikinya.",
  "This verification request was already decided. Reload the queue.":
    "Permintaan verifikasi ini sudah diputuskan. Muat ulang antrean.",
};
