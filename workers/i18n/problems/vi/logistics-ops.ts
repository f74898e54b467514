import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of COD remittances and pickups, keyed by the English template. */
export const logisticsOps: ProblemTranslations = {
  "There is no courier {0} here.": "Không có đơn vị vận chuyển {0} ở đây.",
  "Every item of one remittance must be in the same currency.":
    "Mọi mục của một lần nộp tiền phải cùng một loại tiền tệ.",
  "This remittance changed while it was recorded. Read it again.":
    "Lần nộp tiền này đã thay đổi trong khi được ghi nhận. Hãy đọc lại.",
  "The remittance {0} of {1} is already recorded with other items. Record a correction under a new reference.":
    "Lần nộp tiền {0} của {1} đã được ghi nhận với các mục khác. Hãy ghi nhận phần điều chỉnh dưới một mã tham chiếu mới.",
  "The report covers at most {0} parcels. Ask for a later since, or for one courier.":
    "Báo cáo bao gồm tối đa {0} bưu kiện. Hãy yêu cầu since muộn hơn, hoặc cho một đơn vị vận chuyển.",
  "There is no remittance with this id.": "Không có lần nộp tiền nào với id này.",
  "The parcel is {0}, so there is nothing for the courier to pick up. Book a courier again if it must still go.":
    "Bưu kiện đang ở trạng thái {0}, nên không có gì để đơn vị vận chuyển đến lấy. Hãy đặt lại đơn vị vận chuyển nếu vẫn cần gửi.",
  "There is no order for this shipment.": "Không có đơn hàng cho lô hàng này.",
  "The courier {0} takes no pickup requests. Hand the parcel in at one of its drop-off points.":
    "Đơn vị vận chuyển {0} không nhận yêu cầu lấy hàng. Hãy gửi bưu kiện tại một điểm nhận hàng của họ.",
  "The courier did not confirm the pickup. Try again in a few minutes.":
    "Đơn vị vận chuyển chưa xác nhận việc lấy hàng. Hãy thử lại sau vài phút.",
  "Biteship needs the shop's postal code: fill in the pickup address (with its five-digit kode pos) in Shop settings and book again.":
    "Biteship cần mã bưu chính của cửa hàng: hãy điền địa chỉ lấy hàng (kèm mã bưu chính năm chữ số) trong Cài đặt cửa hàng rồi đặt lại.",
  "Biteship needs the recipient's five-digit postal code. Correct the order's shipping address and book again.":
    "Biteship cần mã bưu chính năm chữ số của người nhận. Hãy sửa địa chỉ giao hàng của đơn rồi đặt lại.",
  "The first line of the CSV must name the columns tracking_number, amount and currency, e.g. tracking_number,amount,currency.":
    "Dòng đầu tiên của CSV phải đặt tên các cột tracking_number, amount và currency, ví dụ tracking_number,amount,currency.",
  "A CSV statement names its courier and reference in the query string: ?courier=...&reference=...":
    "Bảng kê CSV ghi đơn vị vận chuyển và mã tham chiếu trong query string: ?courier=...&reference=...",
  "The CSV has no lines after its header. Add one line per parcel.":
    "CSV không có dòng nào sau dòng tiêu đề. Hãy thêm một dòng cho mỗi bưu kiện.",
  "A CSV statement holds at most {0} lines. Split it into statements under their own references.":
    "Một bảng kê CSV có tối đa {0} dòng. Hãy chia thành các bảng kê với mã tham chiếu riêng.",
  "Some lines of the CSV are refused, so nothing was recorded. Fix the lines listed in errors and send the file again.":
    "Một số dòng của CSV bị từ chối nên không có gì được ghi nhận. Hãy sửa các dòng được liệt kê trong errors rồi gửi lại tệp.",
};
