import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of logistics (couriers, shipments, tracking, cash on delivery), keyed by the English template. */
export const logistics: ProblemTranslations = {
  "An order that is {0} cannot be shipped. Book a courier once the order is paid (or accepted for cash on delivery).":
    "Không thể giao đơn hàng đang ở trạng thái {0}. Hãy đặt đơn vị vận chuyển khi đơn hàng đã được thanh toán (hoặc đã nhận thanh toán khi giao hàng).",
  "Cash on delivery is limited to {0} {1} per payment. Pay this order another way.":
    "Thanh toán khi nhận hàng giới hạn {0} {1} mỗi lần thanh toán. Hãy thanh toán đơn hàng này bằng cách khác.",
  "Cash on delivery is not offered for deliveries to {0}. Choose another way to pay.":
    "Không có thanh toán khi nhận hàng cho đơn giao đến {0}. Hãy chọn cách thanh toán khác.",
  "Cash on delivery is not offered with {0} {1}. Check out again with another delivery option, or choose another way to pay.":
    "Không hỗ trợ thanh toán khi nhận hàng (COD) với {0} {1}. Hãy đặt hàng lại với phương thức giao hàng khác, hoặc chọn cách thanh toán khác.",
  "Cash on delivery is not offered in {0}. Choose another way to pay.":
    "Không có thanh toán khi nhận hàng bằng {0}. Hãy chọn cách thanh toán khác.",
  "Cash on delivery takes the method cod.": "Thanh toán khi nhận hàng dùng phương thức cod.",
  "No courier is booked for this order yet.": "Đơn hàng này chưa được đặt đơn vị vận chuyển.",
  "Only parcels of the sandbox courier can be simulated; real couriers report by webhook.":
    "Chỉ có thể mô phỏng bưu kiện của đơn vị vận chuyển thử nghiệm (sandbox); đơn vị vận chuyển thật báo qua webhook.",
  "Only the shop's owner books and manages the order's shipments.":
    "Chỉ chủ cửa hàng mới được đặt và quản lý vận chuyển của đơn hàng.",
  "The courier did not accept the booking just now. Try again in a few minutes, or choose another courier.":
    "Đơn vị vận chuyển chưa nhận đặt chỗ lúc này. Hãy thử lại sau vài phút, hoặc chọn đơn vị khác.",
  "The courier did not confirm the cancellation. Try again in a few minutes.":
    "Đơn vị vận chuyển chưa xác nhận việc hủy. Hãy thử lại sau vài phút.",
  "The courier picked the parcel up meanwhile, so the booking stands. Read the shipment again.":
    "Đơn vị vận chuyển đã lấy bưu kiện trong lúc đó, nên đặt chỗ vẫn giữ nguyên. Hãy xem lại lô hàng.",
  "The courier {0} does not deliver in {1}.": "Đơn vị vận chuyển {0} không giao hàng tại {1}.",
  "The courier {0} has no service {1}. Choose one of: {2}.":
    "Đơn vị vận chuyển {0} không có dịch vụ {1}. Hãy chọn một trong: {2}.",
  "The parcel is already {0}, so the booking can no longer be cancelled. Ask the courier for a return instead.":
    "Bưu kiện đã ở trạng thái {0}, nên không thể hủy đặt chỗ nữa. Hãy yêu cầu đơn vị vận chuyển hoàn hàng.",
  "The stock hold of this order has run out. Check out again.":
    "Thời gian giữ hàng của đơn này đã hết. Hãy thanh toán lại.",
  "The webhook's signature does not match. Nothing was changed.":
    "Chữ ký của webhook không khớp. Không có gì thay đổi.",
  "There is no courier {0} here. Choose one of: {1}.": "Không có đơn vị vận chuyển {0} ở đây. Hãy chọn một trong: {1}.",
  "There is no courier {0} here.": "Không có đơn vị vận chuyển {0} ở đây.",
  "There is no shipment with this id.": "Không có lô hàng nào với id này.",
  "This order is already booked with tracking number {0}. Cancel that shipment before booking another.":
    "Đơn hàng này đã được đặt với mã vận đơn {0}. Hãy hủy lô hàng đó trước khi đặt lô khác.",
  "This order is paid by cash on delivery, and the service {0} of {1} does not collect cash in {2}. Choose a service that does.":
    "Đơn hàng này thanh toán khi nhận hàng, và dịch vụ {0} của {1} không thu tiền mặt tại {2}. Hãy chọn dịch vụ có thu.",
  "This order was booked by another request at the same time. Read it again.":
    "Đơn hàng này đã được một yêu cầu khác đặt cùng lúc. Hãy đọc lại.",
  "This payment changed while it was being started. Read it again.":
    "Khoản thanh toán này đã thay đổi trong lúc bắt đầu. Hãy đọc lại.",
  "This shipment's label is not stored. Ask the courier for a new one.":
    "Nhãn vận chuyển của lô hàng này không được lưu. Hãy xin nhãn mới từ đơn vị vận chuyển.",
  "The courier cannot place the shop's address: its owner fills in the pickup address (street, district, province and postal code) in Shop settings.":
    "Đơn vị vận chuyển không xác định được địa chỉ cửa hàng: chủ cửa hàng cần điền địa chỉ lấy hàng (đường, phường/quận, tỉnh/thành và mã bưu chính) trong Cài đặt cửa hàng.",
};
