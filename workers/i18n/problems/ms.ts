import { addresses } from "./ms/addresses";
import { chat } from "./ms/chat";
import { commerce } from "./ms/commerce";
import { couriersFlash } from "./ms/couriers-flash";
import { couriersGhn } from "./ms/couriers-ghn";
import { earnings } from "./ms/earnings";
import { flashSales } from "./ms/flash-sales";
import { fx } from "./ms/fx";
import { logistics } from "./ms/logistics";
import { logisticsOps } from "./ms/logistics-ops";
import { metrics } from "./ms/metrics";
import { mfa } from "./ms/mfa";
import { opsAdmin } from "./ms/ops-admin";
import { orders } from "./ms/orders";
import { people } from "./ms/people";
import { platform } from "./ms/platform";
import { returns } from "./ms/returns";
import { sellerCsv } from "./ms/seller-csv";
import { sellerShop } from "./ms/seller-shop";
import { vouchers } from "./ms/vouchers";
import { wallet } from "./ms/wallet";
import { walletCard } from "./ms/wallet-card";
import { walletPayments } from "./ms/wallet-payments";
import { withdrawals } from "./ms/withdrawals";
import type { ProblemTranslations } from "./types";

/** Problem details in Malay, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const ms: ProblemTranslations = {
  ...platform,
  ...addresses,
  ...commerce,
  ...orders,
  ...chat,
  ...wallet,
  ...withdrawals,
  ...fx,
  ...flashSales,
  ...logistics,
  ...logisticsOps,
  ...couriersGhn,
  ...couriersFlash,
  ...walletPayments,
  ...walletCard,
  ...earnings,
  ...vouchers,
  ...sellerShop,
  ...sellerCsv,
  ...people,
  ...returns,
  ...mfa,
  ...opsAdmin,
  ...metrics,
};
