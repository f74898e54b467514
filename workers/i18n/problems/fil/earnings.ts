import type { ProblemTranslations } from "../types";

/** Filipino problem details of shop earnings, payouts, statements and sales reports, keyed by the English template. */
export const earnings: ProblemTranslations = {
  "Payouts to a bank are available in {0}. Pay out to your wallet instead.":
    "Ang payout sa bangko ay available sa {0}. Sa wallet mo na lang ito ipadala.",
  "This shop is paid out in {0}. Ask for an amount in {1}.":
    "Ang payout ng shop na ito ay nasa {0}. Humingi ng halaga sa {1}.",
  "The amount is not a whole number of the currency's smallest unit. Round it.":
    "Ang halaga ay hindi buong bilang ng pinakamaliit na yunit ng currency. I-round ito.",
  "Only {0} is available to pay out. Ask for at most that amount.":
    "{0} lang ang available para i-payout. Humingi ng hindi hihigit doon.",
  "Give to as a date (2026-12-31) or an ISO date-time (2026-12-31T17:00:00Z).":
    "Ibigay ang to bilang petsa (2026-12-31) o ISO na petsa at oras (2026-12-31T17:00:00Z).",
  "Give from as a date (2026-12-01) or an ISO date-time (2026-12-01T00:00:00Z).":
    "Ibigay ang from bilang petsa (2026-12-01) o ISO na petsa at oras (2026-12-01T00:00:00Z).",
  "The period is empty: from must come before to.": "Walang laman ang panahon: dapat mauna ang from sa to.",
  "A period covers at most {0} days. Ask for a shorter one.":
    "Hanggang {0} araw lang ang saklaw ng isang panahon. Humingi ng mas maikli.",
  "Give granularity as day, week or month.": "Ibigay ang granularity bilang day, week o month.",
  "A statement lists at most {0} entries. Ask for a shorter period.":
    "Hanggang {0} entry lang ang laman ng isang statement. Humingi ng mas maikling panahon.",
};
