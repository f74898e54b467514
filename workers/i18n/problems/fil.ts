import { addresses } from "./fil/addresses";
import { chat } from "./fil/chat";
import { commerce } from "./fil/commerce";
import { couriersFlash } from "./fil/couriers-flash";
import { couriersGhn } from "./fil/couriers-ghn";
import { earnings } from "./fil/earnings";
import { flashSales } from "./fil/flash-sales";
import { fx } from "./fil/fx";
import { logistics } from "./fil/logistics";
import { logisticsOps } from "./fil/logistics-ops";
import { metrics } from "./fil/metrics";
import { mfa } from "./fil/mfa";
import { opsAdmin } from "./fil/ops-admin";
import { orders } from "./fil/orders";
import { people } from "./fil/people";
import { platform } from "./fil/platform";
import { returns } from "./fil/returns";
import { sellerCsv } from "./fil/seller-csv";
import { sellerShop } from "./fil/seller-shop";
import { vouchers } from "./fil/vouchers";
import { wallet } from "./fil/wallet";
import { walletCard } from "./fil/wallet-card";
import { walletPayments } from "./fil/wallet-payments";
import { withdrawals } from "./fil/withdrawals";
import type { ProblemTranslations } from "./types";

/** Problem details in Filipino, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const fil: ProblemTranslations = {
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
