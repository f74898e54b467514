import { addresses } from "./th/addresses";
import { chat } from "./th/chat";
import { commerce } from "./th/commerce";
import { couriersFlash } from "./th/couriers-flash";
import { couriersGhn } from "./th/couriers-ghn";
import { earnings } from "./th/earnings";
import { flashSales } from "./th/flash-sales";
import { fx } from "./th/fx";
import { logistics } from "./th/logistics";
import { logisticsOps } from "./th/logistics-ops";
import { metrics } from "./th/metrics";
import { mfa } from "./th/mfa";
import { opsAdmin } from "./th/ops-admin";
import { orders } from "./th/orders";
import { people } from "./th/people";
import { platform } from "./th/platform";
import { returns } from "./th/returns";
import { sellerCsv } from "./th/seller-csv";
import { sellerShop } from "./th/seller-shop";
import { vouchers } from "./th/vouchers";
import { wallet } from "./th/wallet";
import { walletCard } from "./th/wallet-card";
import { walletPayments } from "./th/wallet-payments";
import { withdrawals } from "./th/withdrawals";
import type { ProblemTranslations } from "./types";

/** Problem details in Thai, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const th: ProblemTranslations = {
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
