import type { ProblemTranslations } from "../types";

/** Problem details of metrics and alerts (admin), keyed by the English template. */
export const metrics: ProblemTranslations = {
  "from must be before to. Send an earlier from or a later to.":
    "from harus sebelum to. Kirim from yang lebih awal atau to yang lebih akhir.",
  "This range holds {0} buckets at this granularity, more than the {1} one answer holds. Narrow from and to, or choose a coarser granularity.":
    "Rentang ini berisi {0} interval pada granularitas ini, lebih dari {1} yang dapat dimuat satu jawaban. Persempit from dan to, atau pilih granularitas yang lebih kasar.",
  "Metrics are not configured here. Set METRICS_ACCOUNT_ID and the secret METRICS_API_TOKEN.":
    "Metrik belum dikonfigurasi di sini. Atur METRICS_ACCOUNT_ID dan rahasia METRICS_API_TOKEN.",
  "The metrics store did not answer. Try again in a minute.":
    "Penyimpanan metrik tidak menjawab. Coba lagi dalam satu menit.",
  "Two alert rules share the id {0}. Give each rule its own id.":
    "Dua aturan peringatan memakai id {0} yang sama. Beri setiap aturan id sendiri.",
  "Alert rule {0} watches {1}, which is not a metric. Use one of {2}.":
    "Aturan peringatan {0} memantau {1}, yang bukan metrik. Gunakan salah satu dari {2}.",
  "Alert rule {0} notifies {1}, which is neither an email address nor an https URL of a public host. Use an email address or an https:// webhook URL.":
    "Aturan peringatan {0} memberi tahu {1}, yang bukan alamat email maupun URL https dari host publik. Gunakan alamat email atau URL webhook https://.",
};
