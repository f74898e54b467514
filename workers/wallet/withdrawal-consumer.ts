import { defineConsumer, type EventConsumer } from "../platform/consume";
import { walletStub } from "./keys";

/**
 * Applies a withdrawal's disbursement outcome to its wallet: settles the held money out of the
 * platform, or gives it back. The event is recorded with the disbursement's final status (one D1
 * batch), so it always comes; the object applies it once by the withdrawal id, so a redelivery (or
 * the request's own answer having applied it first) changes nothing.
 */
export const withdrawalOutcomeConsumer: EventConsumer = defineConsumer({
  name: "wallet.withdrawal-outcome",
  types: ["disbursement.settled"],
  async handle(event, env) {
    const { purpose, ownerId, disbursementId, outcome, failureCode } = event.data;
    if (purpose !== "withdrawal") return [];
    await walletStub(env, ownerId).finishWithdrawal({
      withdrawalId: disbursementId,
      outcome,
      ...(failureCode ? { failureCode } : {}),
    });
    return [];
  },
});
