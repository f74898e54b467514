import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of the seller center (my shops, bulk CSV, verification documents), keyed by the English template. */
export const sellerShop: ProblemTranslations = {
  "The first line of the CSV must name the columns: sku, and price or stock (or both), e.g. sku,price,stock.":
    "Dòng đầu tiên của CSV phải ghi tên các cột: sku, và price hoặc stock (hoặc cả hai), ví dụ sku,price,stock.",
  "The CSV has a header but no rows. Add one row per SKU to change.":
    "CSV có dòng tiêu đề nhưng không có dòng dữ liệu. Hãy thêm một dòng cho mỗi SKU cần thay đổi.",
  "The CSV has {0} rows; one upload may change at most {1}. Split it into smaller files.":
    "CSV có {0} dòng; mỗi lần tải lên chỉ thay đổi được tối đa {1}. Hãy chia thành các tệp nhỏ hơn.",
  "Send the CSV as the request body with Content-Type: text/csv.":
    "Hãy gửi CSV làm nội dung yêu cầu với Content-Type: text/csv.",
  "A bulk CSV may be at most {0} bytes. Split it into smaller files.":
    "Tệp CSV cập nhật hàng loạt chỉ được tối đa {0} byte. Hãy chia thành các tệp nhỏ hơn.",
  "The CSV is not valid UTF-8 text. Save it as CSV UTF-8 and upload it again.":
    "CSV không phải văn bản UTF-8 hợp lệ. Hãy lưu dưới dạng CSV UTF-8 và tải lên lại.",
  "A verification document may be at most {0} bytes. Send a smaller scan or photo.":
    "Tài liệu xác minh chỉ được tối đa {0} byte. Hãy gửi bản quét hoặc ảnh nhỏ hơn.",
  "The document is empty. Send the file's bytes as the request body.":
    "Tài liệu trống. Hãy gửi nội dung tệp làm nội dung yêu cầu.",
  "A verification document must be a PDF, JPEG or PNG file. Scan or photograph it in one of those formats.":
    "Tài liệu xác minh phải là tệp PDF, JPEG hoặc PNG. Hãy quét hoặc chụp ảnh ở một trong các định dạng đó.",
  "This shop already has {0} documents not yet sent for review. Submit them for verification first.":
    "Cửa hàng này đã có {0} tài liệu chưa gửi để xét duyệt. Hãy gửi chúng để xác minh trước.",
  "There is no such document for this shop.": "Không có tài liệu này của cửa hàng.",
  "Send at most {0} documents in one request.": "Chỉ gửi tối đa {0} tài liệu trong một yêu cầu.",
  "This shop is already verified: there is nothing to submit.": "Cửa hàng này đã được xác minh: không cần gửi gì thêm.",
  "Every document id must be a document uploaded to this shop and not sent yet. Upload the document first, then send its id.":
    "Mỗi id tài liệu phải là tài liệu đã tải lên cho cửa hàng này và chưa được gửi. Hãy tải tài liệu lên trước, rồi gửi id của nó.",
  "This shop already has a verification request waiting for review.":
    "Cửa hàng này đã có một yêu cầu xác minh đang chờ xét duyệt.",
  "One of these documents was just sent with another request. Reload and try again.":
    "Một trong các tài liệu này vừa được gửi cùng yêu cầu khác. Hãy tải lại và thử lần nữa.",
  "Only the shop's owner can see its verification documents.":
    "Chỉ chủ cửa hàng mới xem được tài liệu xác minh của cửa hàng.",
  "There is no verification request with this id.": "Không có yêu cầu xác minh nào với id này.",
  "Say why the documents are rejected in note, so the owner can fix them.":
    "Hãy ghi lý do từ chối tài liệu trong note, để chủ cửa hàng có thể sửa.",
  "This verification request was already decided. Reload the queue.":
    "Yêu cầu xác minh này đã được quyết định. Hãy tải lại hàng đợi.",
};
