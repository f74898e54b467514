import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Wallet } from "../../durable-objects/wallet";
import type { Message } from "../../schemas/chat";
import type { EventEnvelope } from "../../schemas/events";
import { transferCardsConsumer } from "../../workers/chat";
import { consumeOnce } from "../../workers/platform/consume";
import { defaultQueueDeps } from "../../workers/queue";
import type { WalletState } from "../../workers/wallet/object/state";
import { hold } from "../../workers/wallet/object/transfers";
import {
  type Account,
  accounts,
  call,
  clientId,
  connect,
  direct,
  expectJson,
  expectProblem,
  get,
  group,
  sendHttp,
} from "../chat/helpers";
import { fund, transferId, wallet } from "./helpers";

// Transfer cards (chat kind `transfer`): posted only by the transfer's sender in the direct dialog
// with its recipient, read live from the sender's wallet, refreshed on sockets when it closes.

const thb = (amount: number) => ({ amount, currency: "THB" });

async function sendMoney(from: Account, to: Account, amount: number, note?: string): Promise<{ id: string }> {
  const res = await call("POST", "/api/v1/wallet/transfers", {
    token: from.token,
    idempotencyKey: crypto.randomUUID(),
    body: { to: { userId: to.userId }, amount: thb(amount), ...(note ? { note } : {}) },
  });
  return expectJson<{ id: string }>(res, 201);
}

const postCard = (dialogId: string, who: Account, id: string) =>
  sendHttp(dialogId, who.token, { clientId: clientId("trf"), kind: "transfer", transferId: id });

describe("chat kind transfer", () => {
  it("the sender posts the card in the direct dialog; both read it with the transfer's live state", async () => {
    const [a, b] = await accounts(2);
    await fund(a.userId, 50_000);
    const sent = await sendMoney(a, b, 12_500, "ค่าข้าว");
    const dialog = await direct(a, b);
    const message = await expectJson<Message>(await postCard(dialog.id, a, sent.id), 201);
    expect(message).toMatchObject({
      kind: "transfer",
      transferId: sent.id,
      senderId: a.userId,
      transfer: {
        id: sent.id,
        status: "completed",
        amount: thb(12_500),
        note: "ค่าข้าว",
        fromUserId: a.userId,
        toUserId: b.userId,
      },
    });
    const page = await expectJson<{ items: Message[] }>(
      await get(`/api/v1/dialogs/${dialog.id}/messages`, b.token),
      200,
    );
    expect(page.items[0]).toMatchObject({ id: message.id, transfer: { id: sent.id, status: "completed" } });
  });

  it("anyone but the transfer's sender, or any dialog but the parties' direct one, is refused with 403", async () => {
    const [a, b, c] = await accounts(3);
    await fund(a.userId, 50_000);
    const sent = await sendMoney(a, b, 1_000);
    const ab = await direct(a, b);
    // The receiver may not post it as if they had sent it.
    await expectProblem(await postCard(ab.id, b, sent.id), 403, "forbidden");
    // Not in a group, even with both parties in it.
    const abc = await group(a, [b, c]);
    await expectProblem(await postCard(abc.id, a, sent.id), 403, "forbidden");
    // Not in a direct dialog with someone else.
    const ac = await direct(a, c);
    await expectProblem(await postCard(ac.id, a, sent.id), 403, "forbidden");
    // A third party can not show it anywhere; an unknown id is refused the same way.
    const bc = await direct(c, b);
    await expectProblem(await postCard(bc.id, c, sent.id), 403, "forbidden");
    await expectProblem(await postCard(ab.id, a, "trf_unknown000000000000000000"), 403, "forbidden");
    // The problem is problem+json, and nothing was posted.
    const page = await expectJson<{ items: Message[] }>(await get(`/api/v1/dialogs/${ab.id}/messages`, a.token), 200);
    expect(page.items).toHaveLength(0);
  });

  it("a card posted while pending turns completed on sockets when the sender's wallet closes the transfer", async () => {
    const [a, b] = await accounts(2);
    await fund(a.userId, 50_000);
    const id = await transferId(a.userId, crypto.randomUUID());
    const stub = wallet(a.userId) as unknown as DurableObjectStub<Wallet>;
    // Step 1 only, as a request that died after its hold would leave it.
    const held = await runInDurableObject(stub, (w: Wallet) =>
      hold(
        (w as unknown as { state: WalletState }).state,
        { transferId: id, toUserId: b.userId, currency: "THB", amount: 7_000 },
        Date.now(),
        30_000,
      ),
    );
    expect(held.ok).toBe(true);
    const dialog = await direct(a, b);
    const posted = await expectJson<Message>(await postCard(dialog.id, a, id), 201);
    expect(posted.transfer).toMatchObject({ status: "pending" });
    const socket = await connect(dialog.id, b);

    // The alarm finishes the transfer and projects it; the projection records the closing event.
    await runInDurableObject(stub, (w: Wallet) => {
      const state = (w as unknown as { state: WalletState }).state;
      state.sql.exec("UPDATE w_transfers SET next_attempt_at = ? WHERE id = ?", Date.now() - 1, id);
      void state.storage.setAlarm(Date.now());
    });
    await runDurableObjectAlarm(stub);
    const row = await env.DB.prepare(
      "SELECT envelope FROM outbox_events WHERE type = 'wallet.transaction' AND json_extract(envelope, '$.data.reference') = ?",
    )
      .bind(id)
      .first<{ envelope: string }>();
    expect(row).not.toBeNull();
    const event = JSON.parse(row!.envelope) as EventEnvelope;
    expect(event.data).toMatchObject({ type: "transfer_out", status: "completed" });

    // The chat consumer of that event refreshes the card on the open socket (the queue may also
    // have delivered it already: either way an `updated` frame with the new status arrives).
    await consumeOnce(transferCardsConsumer, event, env, defaultQueueDeps(env));
    const frame = await socket.next((f) => f.type === "updated" && f.message.id === posted.id);
    expect(frame.message.transfer).toMatchObject({ id, status: "completed", amount: thb(7_000) });
    socket.close();
    // Reads resolve the status too.
    const page = await expectJson<{ items: Message[] }>(
      await get(`/api/v1/dialogs/${dialog.id}/messages`, a.token),
      200,
    );
    expect(page.items[0].transfer).toMatchObject({ status: "completed" });
  });
});
