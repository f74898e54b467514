import { chat } from "./ms/chat";
import { commerce } from "./ms/commerce";
import { fx } from "./ms/fx";
import { logistics } from "./ms/logistics";
import { orders } from "./ms/orders";
import { platform } from "./ms/platform";
import { wallet } from "./ms/wallet";
import { walletCard } from "./ms/wallet-card";
import { walletPayments } from "./ms/wallet-payments";
import { withdrawals } from "./ms/withdrawals";
import type { ProblemTranslations } from "./types";

/** Problem details in Malay, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const ms: ProblemTranslations = {
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
