import { DurableObject } from "cloudflare:workers";
import { type RpcTrace, traced } from "../workers/platform/request-context";
import { runAlarm } from "../workers/wallet/object/alarm";
import { type ConvertInput, type ConvertResult, convertAndProject } from "../workers/wallet/object/conversions";
import { auditLedger } from "../workers/wallet/object/ledger";
import type {
  TopupInput,
  TopupOpenResult,
  TopupSettleResult,
  WalletPaymentInput,
  WalletPaymentResult,
  WalletRefundInput,
} from "../workers/wallet/object/payment-types";
import { payFromWallet, refundToWallet, voidWalletPayment } from "../workers/wallet/object/payments";
import {
  resealWithdrawals,
  type SealedColumn,
  type SealedValue,
  sealedWithdrawals,
  type WithdrawalRecord,
  withdrawalRecords,
} from "../workers/wallet/object/personal";
import { deliverOutbox } from "../workers/wallet/object/projection";
import { balances, credit, setStanding, transaction, transfer } from "../workers/wallet/object/reads";
import { drive, send } from "../workers/wallet/object/saga";
import { openWallet, type WalletState } from "../workers/wallet/object/state";
import { failTopup, openTopup, settleTopup } from "../workers/wallet/object/topups";
import { statusHistory } from "../workers/wallet/object/transactions";
import { receive } from "../workers/wallet/object/transfers";
import type {
  BalanceView,
  CreditInput,
  CreditResult,
  KycLevel,
  LedgerAudit,
  ReceiveInput,
  ReceiveResult,
  SendInput,
  SendResult,
  TransactionStatus,
  TransactionView,
  TransferView,
  WithdrawalOutcome,
  WithdrawInput,
  WithdrawResult,
} from "../workers/wallet/object/types";
import { finishWithdrawal, requestWithdrawal, withdraw } from "../workers/wallet/object/withdrawals";

/**
 * One user's wallet in every currency: the truth of their balances, holds and postings (the code
 * lives in workers/wallet/object/; design in docs/wallet.md). Each method checks and writes
 * synchronously, so no other request interleaves between a balance check and its movement, and
 * each movement is applied once by its id. Refusals are returned as values, never thrown.
 */
export class Wallet extends DurableObject<Env> {
  private readonly state: WalletState;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.state = openWallet(ctx, env);
  }

  balances(): BalanceView[] {
    return balances(this.state);
  }

  transaction(id: string): TransactionView | null {
    return transaction(this.state, id);
  }

  /** A transaction's audit trail: each status it took and when, oldest first. */
  statusHistory(id: string): { status: TransactionStatus; at: number }[] {
    return statusHistory(this.state, id);
  }

  /** Its withdrawals for the account export (bank account as its last digits only). */
  withdrawals(): WithdrawalRecord[] {
    return withdrawalRecords(this.state);
  }

  /** The PII key rotation: the encrypted bank fields as stored, then their re-encryptions. */
  sealedWithdrawals(): SealedValue[] {
    return sealedWithdrawals(this.state);
  }

  resealWithdrawals(items: { id: string; column: SealedColumn; from: string; to: string }[]): number {
    return resealWithdrawals(this.state, items);
  }

  transfer(id: string): TransferView | null {
    return transfer(this.state, id);
  }

  /** A transfer from this wallet (the sender's object drives it to the end). */
  send(input: SendInput, trace?: RpcTrace): Promise<SendResult> {
    return traced(trace, () => send(this.state, input));
  }

  /** Step 2 of a transfer into this wallet, asked by the sender's object. */
  receive(input: ReceiveInput, trace?: RpcTrace): ReceiveResult {
    return traced(trace, () => receive(this.state, input, Date.now()));
  }

  /** Drives one pending transfer now (what the alarm does when its retry time comes). */
  resume(transferId: string, trace?: RpcTrace): Promise<void> {
    return traced(trace, () => drive(this.state, transferId));
  }

  /** A withdrawal to a bank account: held here, then asked of the disbursement provider. */
  withdraw(input: WithdrawInput, trace?: RpcTrace): Promise<WithdrawResult> {
    return traced(trace, () => withdraw(this.state, input));
  }

  /** The provider's outcome of a withdrawal (its disbursement.settled event); once. */
  finishWithdrawal(outcome: WithdrawalOutcome, trace?: RpcTrace): boolean {
    return traced(trace, () => finishWithdrawal(this.state, outcome, Date.now()));
  }

  /** Asks for one held withdrawal's disbursement now (what the alarm does when its retry time comes). */
  resumeWithdrawal(id: string, trace?: RpcTrace): Promise<void> {
    return traced(trace, () => requestWithdrawal(this.state, id));
  }

  credit(input: CreditInput, trace?: RpcTrace): CreditResult {
    return traced(trace, () => credit(this.state, input));
  }

  /** An FX conversion by a quote: both legs in one transaction, once by its id (conversions.ts). */
  convert(input: ConvertInput, trace?: RpcTrace): Promise<ConvertResult> {
    return traced(trace, () => convertAndProject(this.state, input));
  }

  // Orders paid from the wallet, their refunds, and top-ups (workers/wallet/object/payments.ts, topups.ts).
  /** Debits a payment once by its id (the payment's commit point). */
  payFromWallet(input: WalletPaymentInput, trace?: RpcTrace): WalletPaymentResult {
    return traced(trace, () => payFromWallet(this.state, input));
  }

  /** Paid, or given up for good: the reconcile's answer for a payment whose request may have died. */
  voidWalletPayment(input: WalletPaymentInput, trace?: RpcTrace): "paid" | "void" {
    return traced(trace, () => voidWalletPayment(this.state, input));
  }

  refundToWallet(input: WalletRefundInput, trace?: RpcTrace): { applied: boolean } {
    return traced(trace, () => refundToWallet(this.state, input));
  }

  openTopup(input: TopupInput, trace?: RpcTrace): TopupOpenResult {
    return traced(trace, () => openTopup(this.state, input));
  }

  settleTopup(transactionId: string, trace?: RpcTrace): TopupSettleResult {
    return traced(trace, () => settleTopup(this.state, transactionId));
  }

  failTopup(transactionId: string, trace?: RpcTrace): void {
    traced(trace, () => failTopup(this.state, transactionId));
  }

  setStanding(standing: { kycLevel?: KycLevel; restricted?: boolean }): { kycLevel: KycLevel; restricted: boolean } {
    return setStanding(this.state, standing);
  }

  audit(): LedgerAudit {
    return auditLedger(this.state);
  }

  /** Delivers the outbox to D1 now (tests and operators; the alarm does it by itself). */
  project(): Promise<void> {
    return deliverOutbox(this.state);
  }

  override async alarm(): Promise<void> {
    await runAlarm(this.state);
  }
}
