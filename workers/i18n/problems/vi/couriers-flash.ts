import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of the Flash Express courier (workers/logistics/couriers/flash*.ts), keyed by the English template. */
export const couriersFlash: ProblemTranslations = {
  "Flash Express needs the shop's five-digit postal code: fill in the pickup address in Shop settings and book again.":
    "Flash Express cần mã bưu chính năm chữ số của cửa hàng: điền địa chỉ lấy hàng trong Cài đặt cửa hàng rồi đặt lại.",
  "Flash Express needs the recipient's district, province and five-digit postal code. Correct the order's shipping address and book again.":
    "Flash Express cần quận/huyện, tỉnh và mã bưu chính năm chữ số của người nhận. Hãy sửa địa chỉ giao hàng của đơn rồi đặt lại.",
  "Flash Express collects cash on delivery in Thai baht only.":
    "Flash Express chỉ thu tiền khi giao hàng bằng baht Thái.",
  "Flash Express already holds a parcel for this booking but does not give its tracking number again. Cancel that parcel in Flash Express's merchant app, then book with a new Idempotency-Key.":
    "Flash Express đã giữ một kiện hàng cho lần đặt này nhưng không cung cấp lại mã vận đơn. Hãy hủy kiện hàng đó trong ứng dụng người bán của Flash Express, rồi đặt lại với Idempotency-Key mới.",
  "Flash Express could not be asked about this parcel just now. Nothing was changed.":
    "Hiện không thể hỏi Flash Express về kiện hàng này. Không có gì thay đổi.",
  "Flash Express sends its courier to the shop's pickup address and needs its street, district, province and five-digit postal code. Add them to the shop's pickup address, then ask for the pickup again.":
    "Flash Express cử nhân viên đến địa chỉ lấy hàng của cửa hàng và cần có đường, quận/huyện, tỉnh/thành và mã bưu chính năm chữ số. Hãy thêm các thông tin này vào địa chỉ lấy hàng của cửa hàng rồi yêu cầu lấy hàng lại.",
};
