import type { ProblemTranslations } from "./types";
import { chat } from "./vi/chat";
import { commerce } from "./vi/commerce";
import { fx } from "./vi/fx";
import { logistics } from "./vi/logistics";
import { orders } from "./vi/orders";
import { platform } from "./vi/platform";
import { wallet } from "./vi/wallet";
import { walletCard } from "./vi/wallet-card";
import { walletPayments } from "./vi/wallet-payments";
import { withdrawals } from "./vi/withdrawals";

/** Problem details in Vietnamese, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const vi: ProblemTranslations = {
  ...platform,
  ...commerce,
  ...orders,
  ...chat,
  ...wallet,
  ...withdrawals,
  ...fx,
  ...logistics,
  ...walletPayments,
  ...walletCard,
};
