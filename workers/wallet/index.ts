import { createRouter } from "../platform/openapi";
import { createConversionHandler, createConversionRoute } from "./routes/conversion-create";
import { getTransactionHandler, getTransactionRoute } from "./routes/transaction-get";
import { transactionReceiptHandler, transactionReceiptRoute } from "./routes/transaction-receipt";
import { listTransactionsHandler, listTransactionsRoute } from "./routes/transactions-list";
import { createTransferHandler, createTransferRoute } from "./routes/transfer-create";
import { listWalletsHandler, listWalletsRoute } from "./routes/wallets-list";
import { createWithdrawalHandler, createWithdrawalRoute } from "./routes/withdrawal-create";

export { conversionIdOf } from "./conversions";
export { transferIdOf, type WalletStub, walletStub, withdrawalIdOf } from "./keys";
export type { ConvertInput, ConvertResult } from "./object/conversions";
export type {
  TopupOpenResult,
  TopupSettleResult,
  WalletPaymentInput,
  WalletPaymentResult,
} from "./object/payment-types";
export type {
  BalanceView,
  CreditInput,
  CreditResult,
  LedgerAudit,
  LimitRefusal,
  SendResult,
  TransactionView,
  TransferView,
} from "./object/types";
export { assertWalletEmpty, walletDataOf } from "./personal-data";
export { reencryptWalletPage, WALLET_PII_TARGET } from "./pii-rotation";
export { presentTransaction } from "./present";
export { withdrawalOutcomeConsumer } from "./withdrawal-consumer";

/**
 * Wallet: each user's money in every currency, kept by their `Wallet` Durable Object
 * (durable-objects/wallet.ts runs workers/wallet/object/), with transfers between users as a saga
 * the sender's object drives, and a D1 projection of the history. Design: docs/wallet.md.
 */
export const walletRouter = createRouter()
  .openapi(listWalletsRoute, listWalletsHandler)
  .openapi(listTransactionsRoute, listTransactionsHandler)
  .openapi(getTransactionRoute, getTransactionHandler)
  .openapi(createTransferRoute, createTransferHandler)
  .openapi(createWithdrawalRoute, createWithdrawalHandler)
  .openapi(createConversionRoute, createConversionHandler)
  .openapi(transactionReceiptRoute, transactionReceiptHandler);
