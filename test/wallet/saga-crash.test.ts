import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Wallet } from "../../durable-objects/wallet";
import type { WalletState } from "../../workers/wallet/object/state";
import { hold, readTransfer, settle } from "../../workers/wallet/object/transfers";
import type { ReceiveResult } from "../../workers/wallet/object/types";
import { balanceOf, freshUser, fund, transferId, wallet } from "./helpers";

// A transfer interrupted after each step of its saga (docs/wallet.md): the steps are run one by one
// inside the sender's object, as the request would have before it died, then the object is aborted
// (its memory gone, as on a crash or eviction). The sender's alarm must finish the transfer, and the
// money must end where it belongs, with the total unchanged.

type Stub = ReturnType<typeof wallet>;

/** Runs `work` on the live object's state (the code of one saga step, without the rest). */
function inside<T>(stub: Stub, work: (state: WalletState) => T): Promise<T> {
  return runInDurableObject(stub as unknown as DurableObjectStub<Wallet>, (instance: Wallet) =>
    work((instance as unknown as { state: WalletState }).state),
  );
}

/** The object dies: the next call or alarm runs in a fresh instance reading the same storage. */
async function abort(stub: Stub): Promise<void> {
  await runInDurableObject(stub as unknown as DurableObjectStub<Wallet>, (_instance: Wallet, ctx) => {
    try {
      ctx.abort("crash test");
    } catch {
      // abort() throws in the aborted request itself; that is the crash.
    }
  }).catch(() => undefined);
}

/** The retry time has come (the object keeps its own clock: its stored retry time moves into the past). */
async function retryDue(stub: Stub, id: string): Promise<void> {
  await inside(stub, (state) => {
    state.sql.exec("UPDATE w_transfers SET next_attempt_at = ? WHERE id = ?", Date.now() - 1, id);
    void state.storage.setAlarm(Date.now());
  });
}

async function alarm(stub: Stub): Promise<void> {
  await runDurableObjectAlarm(stub as unknown as DurableObjectStub<Wallet>);
}

async function setup(amount: number) {
  const [a, b] = [freshUser("a"), freshUser("b")];
  await fund(a, 100_000);
  await fund(b, 1_000);
  const id = await transferId(a, crypto.randomUUID());
  const input = { transferId: id, toUserId: b, currency: "THB" as const, amount };
  return { a, b, id, input, total: 101_000 };
}

async function totals(a: string, b: string) {
  const [x, y] = [await balanceOf(a), await balanceOf(b)];
  return { a: x, b: y, sum: x.balance + y.balance };
}

describe("a transfer interrupted at each saga step completes, with the total unchanged", () => {
  it("after the hold (the receiver never asked)", async () => {
    const { a, b, id, input, total } = await setup(30_000);
    const held = await inside(wallet(a), (state) => hold(state, input, Date.now(), 30_000));
    expect(held.ok).toBe(true);
    await abort(wallet(a));
    expect(await balanceOf(a)).toMatchObject({ balance: 100_000, held: 30_000, available: 70_000 });
    await retryDue(wallet(a), id);
    await alarm(wallet(a));
    const after = await totals(a, b);
    expect(after.a).toMatchObject({ balance: 70_000, held: 0 });
    expect(after.b).toMatchObject({ balance: 31_000 });
    expect(after.sum).toBe(total);
    expect(await wallet(a).transfer(id)).toMatchObject({ status: "completed" });
  });

  it("after the credit (the receiver has it; the sender never settled)", async () => {
    const { a, b, id, input, total } = await setup(30_000);
    const held = await inside(wallet(a), (state) => hold(state, input, Date.now(), 30_000));
    expect(held.ok).toBe(true);
    const credited = await wallet(b).receive({
      transferId: id,
      fromUserId: a,
      currency: "THB",
      amount: 30_000,
      createdAt: Date.now(),
    });
    expect(credited).toEqual({ ok: true });
    await abort(wallet(a));
    await retryDue(wallet(a), id);
    await alarm(wallet(a));
    // The alarm's second ask got the recorded credit, not a second one.
    const after = await totals(a, b);
    expect(after.a).toMatchObject({ balance: 70_000, held: 0 });
    expect(after.b).toMatchObject({ balance: 31_000 });
    expect(after.sum).toBe(total);
    // An alarm that runs again changes nothing.
    await retryDue(wallet(a), id);
    await alarm(wallet(a));
    expect((await totals(a, b)).sum).toBe(total);
    expect((await wallet(a).audit()).clearing.THB).toBe(30_000);
    expect((await wallet(b).audit()).clearing.THB).toBe(-30_000);
  });

  it("after the settle (only the projection was left): the alarm projects it", async () => {
    const { a, b, id, input, total } = await setup(30_000);
    await inside(wallet(a), (state) => hold(state, input, Date.now(), 30_000));
    const credited = await wallet(b).receive({
      transferId: id,
      fromUserId: a,
      currency: "THB",
      amount: 30_000,
      createdAt: Date.now(),
    });
    await inside(wallet(a), (state) => settle(state, id, credited, Date.now()));
    await abort(wallet(a));
    await alarm(wallet(a));
    await alarm(wallet(b));
    const rows = await env.DB.prepare(
      "SELECT user_id, status FROM wallet_transactions WHERE reference = ? ORDER BY user_id = ? DESC",
    )
      .bind(id, a)
      .all();
    expect(rows.results).toEqual([
      { user_id: a, status: "completed" },
      { user_id: b, status: "completed" },
    ]);
    expect((await totals(a, b)).sum).toBe(total);
  });

  it("a refusal recorded by the receiver before the sender died: the hold comes back, and no later ask credits it", async () => {
    const { a, b, id, input, total } = await setup(30_000);
    await fund(b, 4_975_000); // THB basic: at most 50,000 baht; b now holds 49,760 baht
    await inside(wallet(a), (state) => hold(state, input, Date.now(), 30_000));
    const refused: ReceiveResult = await wallet(b).receive({
      transferId: id,
      fromUserId: a,
      currency: "THB",
      amount: 30_000,
      createdAt: Date.now(),
    });
    expect(refused.ok).toBe(false);
    await abort(wallet(a));
    // The receiver makes room meanwhile: the transfer must still not arrive (the sender gives the hold back).
    await wallet(b).send({ transferId: await transferId(b, "room"), toUserId: a, currency: "THB", amount: 100_000 });
    await retryDue(wallet(a), id);
    await alarm(wallet(a));
    expect(await wallet(a).transfer(id)).toMatchObject({ status: "failed" });
    const after = await totals(a, b);
    expect(after.a).toMatchObject({ balance: 200_000, held: 0 });
    expect(after.b).toMatchObject({ balance: 4_876_000 });
    expect(after.sum).toBe(total + 4_975_000);
  });

  it("two drives at once (a resumed request and the alarm) apply each step once", async () => {
    const { a, b, id, input, total } = await setup(30_000);
    await inside(wallet(a), (state) => hold(state, input, Date.now(), 30_000));
    const pending = await inside(wallet(a), (state) => readTransfer(state, id));
    expect(pending?.status).toBe("pending");
    // Two drives at once (a resumed request and the alarm): each step is applied once.
    await retryDue(wallet(a), id);
    await Promise.all([wallet(a).resume(id), alarm(wallet(a))]);
    const after = await totals(a, b);
    expect(after.a).toMatchObject({ balance: 70_000, held: 0 });
    expect(after.b).toMatchObject({ balance: 31_000 });
    expect(after.sum).toBe(total);
  });
});
