import type { ProblemTranslations } from "../types";

/** Problem details of metrics and alerts (admin), keyed by the English template. */
export const metrics: ProblemTranslations = {
  "from must be before to. Send an earlier from or a later to.":
    "from phải trước to. Hãy gửi from sớm hơn hoặc to muộn hơn.",
  "This range holds {0} buckets at this granularity, more than the {1} one answer holds. Narrow from and to, or choose a coarser granularity.":
    "Khoảng thời gian này có {0} khoảng ở độ chi tiết này, nhiều hơn {1} mà một câu trả lời chứa được. Hãy thu hẹp from và to, hoặc chọn độ chi tiết thô hơn.",
  "Metrics are not configured here. Set METRICS_ACCOUNT_ID and the secret METRICS_API_TOKEN.":
    "Chỉ số chưa được cấu hình ở đây. Hãy đặt METRICS_ACCOUNT_ID và bí mật METRICS_API_TOKEN.",
  "The metrics store did not answer. Try again in a minute.": "Kho chỉ số không phản hồi. Hãy thử lại sau một phút.",
  "Two alert rules share the id {0}. Give each rule its own id.":
    "Hai quy tắc cảnh báo dùng chung id {0}. Hãy đặt cho mỗi quy tắc một id riêng.",
  "Alert rule {0} watches {1}, which is not a metric. Use one of {2}.":
    "Quy tắc cảnh báo {0} theo dõi {1}, không phải là một chỉ số. Hãy dùng một trong {2}.",
  "Alert rule {0} notifies {1}, which is neither an email address nor an https URL of a public host. Use an email address or an https:// webhook URL.":
    "Quy tắc cảnh báo {0} thông báo tới {1}, không phải địa chỉ email cũng không phải URL https của máy chủ công khai. Hãy dùng địa chỉ email hoặc URL webhook https://.",
};
