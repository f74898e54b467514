import type { ProblemTranslations } from "./types";
import { addresses } from "./vi/addresses";
import { chat } from "./vi/chat";
import { commerce } from "./vi/commerce";
import { couriersFlash } from "./vi/couriers-flash";
import { couriersGhn } from "./vi/couriers-ghn";
import { earnings } from "./vi/earnings";
import { flashSales } from "./vi/flash-sales";
import { fx } from "./vi/fx";
import { logistics } from "./vi/logistics";
import { logisticsOps } from "./vi/logistics-ops";
import { metrics } from "./vi/metrics";
import { mfa } from "./vi/mfa";
import { opsAdmin } from "./vi/ops-admin";
import { orders } from "./vi/orders";
import { people } from "./vi/people";
import { platform } from "./vi/platform";
import { returns } from "./vi/returns";
import { sellerCsv } from "./vi/seller-csv";
import { sellerShop } from "./vi/seller-shop";
import { vouchers } from "./vi/vouchers";
import { wallet } from "./vi/wallet";
import { walletCard } from "./vi/wallet-card";
import { walletPayments } from "./vi/wallet-payments";
import { withdrawals } from "./vi/withdrawals";

/** Problem details in Vietnamese, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const vi: ProblemTranslations = {
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
