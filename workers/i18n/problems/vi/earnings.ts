import type { ProblemTranslations } from "../types";

/** Vietnamese problem details of shop earnings, payouts, statements and sales reports, keyed by the English template. */
export const earnings: ProblemTranslations = {
  "Payouts to a bank are available in {0}. Pay out to your wallet instead.":
    "Rút tiền về tài khoản ngân hàng chỉ hỗ trợ {0}. Hãy rút về ví của bạn.",
  "This shop is paid out in {0}. Ask for an amount in {1}.":
    "Cửa hàng này được thanh toán bằng {0}. Hãy nhập số tiền bằng {1}.",
  "The amount is not a whole number of the currency's smallest unit. Round it.":
    "Số tiền không phải là số nguyên của đơn vị nhỏ nhất của loại tiền. Hãy làm tròn.",
  "Only {0} is available to pay out. Ask for at most that amount.":
    "Chỉ có {0} có thể rút. Hãy nhập tối đa số tiền đó.",
  "Give to as a date (2026-12-31) or an ISO date-time (2026-12-31T17:00:00Z).":
    "Hãy nhập to dưới dạng ngày (2026-12-31) hoặc ngày giờ ISO (2026-12-31T17:00:00Z).",
  "Give from as a date (2026-12-01) or an ISO date-time (2026-12-01T00:00:00Z).":
    "Hãy nhập from dưới dạng ngày (2026-12-01) hoặc ngày giờ ISO (2026-12-01T00:00:00Z).",
  "The period is empty: from must come before to.": "Khoảng thời gian trống: from phải trước to.",
  "A period covers at most {0} days. Ask for a shorter one.":
    "Một khoảng thời gian dài tối đa {0} ngày. Hãy chọn khoảng ngắn hơn.",
  "Give granularity as day, week or month.": "Hãy nhập granularity là day, week hoặc month.",
  "A statement lists at most {0} entries. Ask for a shorter period.":
    "Một sao kê liệt kê tối đa {0} mục. Hãy chọn khoảng thời gian ngắn hơn.",
};
