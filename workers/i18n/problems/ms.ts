import { chat } from "./ms/chat";
import { commerce } from "./ms/commerce";
import { orders } from "./ms/orders";
import { platform } from "./ms/platform";
import { wallet } from "./ms/wallet";
import { walletCard } from "./ms/wallet-card";
import type { ProblemTranslations } from "./types";

/** Problem details in Malay, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const ms: ProblemTranslations = { ...platform, ...commerce, ...orders, ...chat, ...wallet, ...walletCard };
