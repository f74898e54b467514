import { DurableObject } from "cloudflare:workers";
import { type RpcTrace, traced } from "../workers/platform/request-context";
import { runAlarm } from "../workers/wallet/object/alarm";
import { type ConvertInput, type ConvertResult, convertAndProject } from "../workers/wallet/object/conversions";
import { auditLedger } from "../workers/wallet/object/ledger";
import { deliverOutbox } from "../workers/wallet/object/projection";
import { balances, credit, setStanding, transaction, transfer } from "../workers/wallet/object/reads";
import { drive, send } from "../workers/wallet/object/saga";
import { openWallet, type WalletState } from "../workers/wallet/object/state";
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

  setStanding(standing: { kycLevel?: KycLevel; restricted?: boolean }): void {
    setStanding(this.state, standing);
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
