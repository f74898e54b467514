import { addresses } from "./id/addresses";
import { chat } from "./id/chat";
import { commerce } from "./id/commerce";
import { couriersFlash } from "./id/couriers-flash";
import { couriersGhn } from "./id/couriers-ghn";
import { earnings } from "./id/earnings";
import { flashSales } from "./id/flash-sales";
import { fx } from "./id/fx";
import { logistics } from "./id/logistics";
import { logisticsOps } from "./id/logistics-ops";
import { metrics } from "./id/metrics";
import { mfa } from "./id/mfa";
import { opsAdmin } from "./id/ops-admin";
import { orders } from "./id/orders";
import { people } from "./id/people";
import { platform } from "./id/platform";
import { returns } from "./id/returns";
import { sellerCsv } from "./id/seller-csv";
import { sellerShop } from "./id/seller-shop";
import { vouchers } from "./id/vouchers";
import { wallet } from "./id/wallet";
import { walletCard } from "./id/wallet-card";
import { walletPayments } from "./id/wallet-payments";
import { withdrawals } from "./id/withdrawals";
import type { ProblemTranslations } from "./types";

/** Problem details in Indonesian, keyed by the English template (see workers/i18n/problem-details.ts), one file per area. */
export const id: ProblemTranslations = {
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
