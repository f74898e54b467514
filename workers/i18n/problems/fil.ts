import { chat } from "./fil/chat";
import { commerce } from "./fil/commerce";
import { fx } from "./fil/fx";
import { logistics } from "./fil/logistics";
import { orders } from "./fil/orders";
import { platform } from "./fil/platform";
import { wallet } from "./fil/wallet";
import { walletCard } from "./fil/wallet-card";
import { walletPayments } from "./fil/wallet-payments";
import { withdrawals } from "./fil/withdrawals";
import type { ProblemTranslations } from "./types";

/** Problem details in Filipino, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const fil: ProblemTranslations = {
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
