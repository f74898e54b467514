import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of seller and platform vouchers, keyed by the English template. */
export const vouchers: ProblemTranslations = {
  "A free shipping voucher has no value: leave value out.":
    "Voucher miễn phí vận chuyển không có giá trị: hãy bỏ trống value.",
  "A percent voucher's value is a whole percent from 1 to 100.":
    "Giá trị của voucher phần trăm là số phần trăm nguyên từ 1 đến 100.",
  "A fixed voucher's value is the amount it takes off in minor units, at least 1.":
    "Giá trị của voucher cố định là số tiền được giảm theo đơn vị nhỏ nhất của tiền tệ, tối thiểu 1.",
  "Amounts in {0} are whole units: send a multiple of {1}.":
    "Số tiền bằng {0} phải là đơn vị chẵn: hãy gửi bội số của {1}.",
  "This voucher's amounts are in {0}.": "Số tiền của voucher này phải bằng {0}.",
  "Amounts cannot be negative.": "Số tiền không được âm.",
  "endsAt must be later than startsAt.": "endsAt phải sau startsAt.",
  "endsAt is already past: choose an end in the future.": "endsAt đã qua: hãy chọn thời điểm kết thúc trong tương lai.",
  "This voucher was already used {0} times: totalLimit cannot be lower.":
    "Voucher này đã được dùng {0} lần: totalLimit không được thấp hơn.",
  "A fixed voucher takes off its value: leave maxDiscount out.":
    "Voucher cố định giảm đúng giá trị của nó: hãy bỏ trống maxDiscount.",
  "A voucher with this code exists already. Choose another code.": "Đã có voucher dùng mã này. Hãy chọn mã khác.",
  "There is no voucher with this id.": "Không có voucher nào với id này.",
  "Only an admin can change a platform voucher.": "Chỉ quản trị viên mới được thay đổi voucher của nền tảng.",
  "This voucher was used meanwhile beyond that totalLimit. Read it again and choose a higher limit.":
    "Trong lúc đó voucher đã được dùng vượt quá totalLimit này. Hãy tải lại và chọn giới hạn cao hơn.",
  "This voucher is no longer available.": "Voucher này không còn khả dụng.",
  "Use at most one shop voucher and one platform voucher per checkout.":
    "Mỗi lần thanh toán chỉ dùng tối đa một voucher của shop và một voucher của nền tảng.",
};
