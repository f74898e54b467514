import { createRouter } from "../platform/openapi";
import { getTransactionHandler, getTransactionRoute } from "./routes/transaction-get";
import { transactionReceiptHandler, transactionReceiptRoute } from "./routes/transaction-receipt";
import { listTransactionsHandler, listTransactionsRoute } from "./routes/transactions-list";
import { createTransferHandler, createTransferRoute } from "./routes/transfer-create";
import { listWalletsHandler, listWalletsRoute } from "./routes/wallets-list";

export { transferIdOf, type WalletStub, walletStub } from "./keys";
export type {
  BalanceView,
  CreditInput,
  CreditResult,
  LedgerAudit,
  SendResult,
  TransactionView,
  TransferView,
} from "./object/types";
export { assertWalletEmpty, walletDataOf } from "./personal-data";

/**
 * Wallet: each user's money in every currency, kept by their `Wallet` Durable Object
 * (durable-objects/wallet.ts runs workers/wallet/object/), with transfers between users as a saga
 * the sender's object drives, and a D1 projection of the history. Design: docs/wallet.md.
 */
export const walletRouter = createRouter()
  .openapi(listWalletsRoute, listWalletsHandler)
  .openapi(listTransactionsRoute, listTransactionsHandler)
  .openapi(getTransactionRoute, getTransactionHandler)
  .openapi(transactionReceiptRoute, transactionReceiptHandler)
  .openapi(createTransferRoute, createTransferHandler);
