import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of the GHN courier (workers/logistics/couriers/ghn.ts), keyed by the English template. */
export const couriersGhn: ProblemTranslations = {
  "GHN collects cash on delivery in Vietnamese dong only.": "GHN chỉ thu tiền hộ (COD) bằng đồng Việt Nam.",
  "GHN cannot find the ward and district of the delivery address. The address needs its ward and district in the city field (for example Phường 14, Quận 10) and a Vietnamese province: choose another courier, or ask the buyer to correct the address.":
    "GHN không tìm thấy phường/xã và quận/huyện của địa chỉ giao hàng. Địa chỉ cần ghi phường/xã và quận/huyện ở ô thành phố (ví dụ Phường 14, Quận 10) và một tỉnh/thành của Việt Nam: hãy chọn đơn vị vận chuyển khác, hoặc nhờ người mua sửa địa chỉ.",
  "GHN could not be asked about this order just now. Nothing was changed.":
    "Hiện không thể hỏi GHN về đơn hàng này. Không có gì thay đổi.",
  "GHN cannot find the ward and district of the shop's pickup address. Write its ward and district (for example Phường 14, Quận 10) and its province in the shop's pickup address, then book again.":
    "GHN không tìm thấy phường/xã và quận/huyện của địa chỉ lấy hàng của cửa hàng. Hãy ghi phường/xã và quận/huyện (ví dụ Phường 14, Quận 10) cùng tỉnh/thành vào địa chỉ lấy hàng của cửa hàng rồi đặt lại.",
};
