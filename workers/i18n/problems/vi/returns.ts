import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of returns and delivery-address changes, keyed by the English template. */
export const returns: ProblemTranslations = {
  "Only the buyer can change the delivery address.": "Chỉ người mua mới có thể đổi địa chỉ giao hàng.",
  "The order has left the shop; its delivery address can no longer change.":
    "Đơn hàng đã rời shop; không thể đổi địa chỉ giao hàng nữa.",
  "The new address must be in the country the order ships to: its shipping and tax were priced for it. Cancel and order again to ship elsewhere.":
    "Địa chỉ mới phải ở quốc gia mà đơn hàng được giao tới: phí vận chuyển và thuế đã được tính cho quốc gia đó. Hãy hủy và đặt lại để giao đến nơi khác.",
  "There is no return with this id.": "Không có yêu cầu trả hàng nào với id này.",
  "Only the owner of the shop that sold these items can decide on this return.":
    "Chỉ chủ shop đã bán các sản phẩm này mới có thể quyết định yêu cầu trả hàng này.",
  "This order has no such item. Return only items of this order.":
    "Đơn hàng này không có sản phẩm đó. Chỉ trả các sản phẩm của đơn hàng này.",
  "You asked to return more units than you bought and have not yet returned. Lower the quantity.":
    "Bạn yêu cầu trả nhiều hơn số lượng đã mua và chưa trả. Hãy giảm số lượng.",
  "Only the buyer of this order can ask for a return.": "Chỉ người mua của đơn hàng này mới có thể yêu cầu trả hàng.",
  "Only a delivered order can be returned, within the return window.":
    "Chỉ đơn hàng đã giao mới có thể trả, trong thời hạn trả hàng.",
  "The return window of {0} days after delivery is over.": "Thời hạn trả hàng {0} ngày sau khi giao đã kết thúc.",
  "Some photos are not pictures you uploaded. Upload your photos with POST /api/v1/media and send their ids.":
    "Một số ảnh không phải do bạn tải lên. Hãy tải ảnh của bạn lên bằng POST /api/v1/media và gửi id của chúng.",
  "Another return of this order was asked for at the same moment. Read the order's returns and try again.":
    "Một yêu cầu trả hàng khác của đơn này được gửi cùng lúc. Hãy xem danh sách trả hàng của đơn và thử lại.",
  "This return waits for the shop's decision; it can only be approved or rejected.":
    "Yêu cầu trả hàng này đang chờ shop quyết định; chỉ có thể chấp nhận hoặc từ chối.",
  "This return was approved; it can only be marked as received.":
    "Yêu cầu trả hàng này đã được chấp nhận; chỉ có thể đánh dấu là đã nhận.",
  "This return was rejected; it can no longer change.": "Yêu cầu trả hàng này đã bị từ chối; không thể thay đổi nữa.",
  "This return was already received; its refund is on its way.":
    "Hàng trả này đã được nhận; khoản hoàn tiền đang được xử lý.",
  "This return was already received and refunded; it can no longer change.":
    "Hàng trả này đã được nhận và hoàn tiền; không thể thay đổi nữa.",
  "There is no such photo of a return you may see. Return photos are shown to the buyer and the shop's owner.":
    "Không có ảnh trả hàng nào như vậy mà bạn được xem. Ảnh trả hàng chỉ hiển thị cho người mua và chủ cửa hàng.",
  "This photo is no longer stored: its uploader's account was erased.":
    "Ảnh này không còn được lưu: tài khoản của người tải lên đã bị xóa.",
};
