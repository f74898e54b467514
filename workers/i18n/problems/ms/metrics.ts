import type { ProblemTranslations } from "../types";

/** Problem details of metrics and alerts (admin), keyed by the English template. */
export const metrics: ProblemTranslations = {
  "from must be before to. Send an earlier from or a later to.":
    "from mesti sebelum to. Hantar from yang lebih awal atau to yang lebih lewat.",
  "This range holds {0} buckets at this granularity, more than the {1} one answer holds. Narrow from and to, or choose a coarser granularity.":
    "Julat ini mengandungi {0} selang pada butiran ini, lebih daripada {1} yang boleh dimuatkan dalam satu jawapan. Sempitkan from dan to, atau pilih butiran yang lebih kasar.",
  "Metrics are not configured here. Set METRICS_ACCOUNT_ID and the secret METRICS_API_TOKEN.":
    "Metrik belum dikonfigurasikan di sini. Tetapkan METRICS_ACCOUNT_ID dan rahsia METRICS_API_TOKEN.",
  "The metrics store did not answer. Try again in a minute.": "Stor metrik tidak menjawab. Cuba lagi dalam seminit.",
  "Two alert rules share the id {0}. Give each rule its own id.":
    "Dua peraturan amaran berkongsi id {0}. Berikan setiap peraturan id tersendiri.",
  "Alert rule {0} watches {1}, which is not a metric. Use one of {2}.":
    "Peraturan amaran {0} memantau {1}, yang bukan metrik. Gunakan salah satu daripada {2}.",
  "Alert rule {0} notifies {1}, which is neither an email address nor an https URL of a public host. Use an email address or an https:// webhook URL.":
    "Peraturan amaran {0} memaklumkan {1}, yang bukan alamat e-mel mahupun URL https hos awam. Gunakan alamat e-mel atau URL webhook https://.",
};
