import type { ProblemTranslations } from "../types";

/** Malay problem details of the seller center (my shops, bulk CSV, verification documents), keyed by the English template. */
export const sellerShop: ProblemTranslations = {
  "The first line of the CSV must name the columns: sku, and price or stock (or both), e.g. sku,price,stock.":
    "Baris pertama CSV mesti menamakan lajur: sku, dan price atau stock (atau kedua-duanya), contohnya sku,price,stock.",
  "The CSV has a header but no rows. Add one row per SKU to change.":
    "CSV mempunyai baris tajuk tetapi tiada baris data. Tambah satu baris bagi setiap SKU yang hendak diubah.",
  "The CSV has {0} rows; one upload may change at most {1}. Split it into smaller files.":
    "CSV mempunyai {0} baris; satu muat naik boleh mengubah paling banyak {1}. Bahagikan kepada fail yang lebih kecil.",
  "Send the CSV as the request body with Content-Type: text/csv.":
    "Hantar CSV sebagai badan permintaan dengan Content-Type: text/csv.",
  "A bulk CSV may be at most {0} bytes. Split it into smaller files.":
    "CSV pukal boleh bersaiz paling banyak {0} bait. Bahagikan kepada fail yang lebih kecil.",
  "The CSV is not valid UTF-8 text. Save it as CSV UTF-8 and upload it again.":
    "CSV bukan teks UTF-8 yang sah. Simpan sebagai CSV UTF-8 dan muat naik semula.",
  "A verification document may be at most {0} bytes. Send a smaller scan or photo.":
    "Dokumen pengesahan boleh bersaiz paling banyak {0} bait. Hantar imbasan atau foto yang lebih kecil.",
  "The document is empty. Send the file's bytes as the request body.":
    "Dokumen kosong. Hantar kandungan fail sebagai badan permintaan.",
  "A verification document must be a PDF, JPEG or PNG file. Scan or photograph it in one of those formats.":
    "Dokumen pengesahan mesti fail PDF, JPEG atau PNG. Imbas atau ambil gambar dalam salah satu format tersebut.",
  "This shop already has {0} documents not yet sent for review. Submit them for verification first.":
    "Kedai ini sudah mempunyai {0} dokumen yang belum dihantar untuk semakan. Hantar dokumen itu untuk pengesahan dahulu.",
  "There is no such document for this shop.": "Dokumen ini tiada untuk kedai ini.",
  "Send at most {0} documents in one request.": "Hantar paling banyak {0} dokumen dalam satu permintaan.",
  "This shop is already verified: there is nothing to submit.":
    "Kedai ini sudah disahkan: tiada apa-apa untuk dihantar.",
  "Every document id must be a document uploaded to this shop and not sent yet. Upload the document first, then send its id.":
    "Setiap id dokumen mesti dokumen yang dimuat naik ke kedai ini dan belum dihantar. Muat naik dokumen dahulu, kemudian hantar id-nya.",
  "This shop already has a verification request waiting for review.":
    "Kedai ini sudah mempunyai permintaan pengesahan yang menunggu semakan.",
  "One of these documents was just sent with another request. Reload and try again.":
    "Salah satu dokumen ini baru sahaja dihantar dengan permintaan lain. Muat semula dan cuba lagi.",
  "Only the shop's owner can see its verification documents.":
    "Hanya pemilik kedai boleh melihat dokumen pengesahannya.",
  "There is no verification request with this id.": "Tiada permintaan pengesahan dengan id ini.",
  "Say why the documents are rejected in note, so the owner can fix them.":
    "Nyatakan sebab dokumen ditolak dalam note, supaya pemilik boleh membetulkannya.",
  "This verification request was already decided. Reload the queue.":
    "Permintaan pengesahan ini sudah diputuskan. Muat semula baris gilir.",
};
