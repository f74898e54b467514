import type { ProblemTranslations } from "../types";

/** Problem details of metrics and alerts (admin), keyed by the English template. */
export const metrics: ProblemTranslations = {
  "from must be before to. Send an earlier from or a later to.":
    "Dapat mauna ang from sa to. Magpadala ng mas maagang from o mas huling to.",
  "This range holds {0} buckets at this granularity, more than the {1} one answer holds. Narrow from and to, or choose a coarser granularity.":
    "May {0} na bucket ang saklaw na ito sa granularity na ito, higit sa {1} na kasya sa isang sagot. Paliitin ang from at to, o pumili ng mas malaking granularity.",
  "Metrics are not configured here. Set METRICS_ACCOUNT_ID and the secret METRICS_API_TOKEN.":
    "Hindi pa naka-configure ang metrics dito. Itakda ang METRICS_ACCOUNT_ID at ang secret na METRICS_API_TOKEN.",
  "The metrics store did not answer. Try again in a minute.":
    "Hindi sumagot ang imbakan ng metrics. Subukang muli makalipas ang isang minuto.",
  "Two alert rules share the id {0}. Give each rule its own id.":
    "Dalawang alert rule ang may parehong id na {0}. Bigyan ang bawat rule ng sariling id.",
  "Alert rule {0} watches {1}, which is not a metric. Use one of {2}.":
    "Binabantayan ng alert rule na {0} ang {1}, na hindi isang metric. Gamitin ang isa sa {2}.",
  "Alert rule {0} notifies {1}, which is neither an email address nor an https URL of a public host. Use an email address or an https:// webhook URL.":
    "Inaabisuhan ng alert rule na {0} ang {1}, na hindi email address o https URL ng pampublikong host. Gumamit ng email address o https:// na webhook URL.",
};
