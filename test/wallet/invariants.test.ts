import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SendResult } from "../../workers/wallet";
import { freshUser, fund, transferId, wallet } from "./helpers";

interface Op {
  from: number;
  to: number;
  amount: number;
  key: string;
}

const WALLETS = 50;
const FUNDS = 100_000;

/** `count` distinct transfers among `wallets` wallets, then `repeats` that repeat one exactly (a retried request). */
function opsOf(wallets: number, count: number, repeats: number) {
  const op = fc
    .record({
      from: fc.nat(wallets - 1),
      to: fc.nat(wallets - 1),
      amount: fc.integer({ min: 1, max: 30_000 }),
    })
    .filter((o) => o.from !== o.to);
  return fc.array(op, { minLength: count, maxLength: count }).chain((ops) =>
    fc.array(fc.nat(ops.length - 1), { minLength: repeats, maxLength: repeats }).map((again) => {
      const unique = ops.map((o, i) => ({ ...o, key: `k${i}` }));
      const all = [...unique, ...again.map((i) => unique[i])];
      // A fixed interleaving per run: the duplicates land among the originals, not after them.
      return all
        .map((o, i) => ({ o, sort: (i * 7919) % all.length }))
        .sort((a, b) => a.sort - b.sort)
        .map((x) => x.o);
    }),
  );
}

/** Runs `ops` `concurrency` at a time (each its own RPC to the sender's object). */
async function runConcurrently(users: string[], ops: Op[], concurrency: number) {
  const results: { op: Op; id: string; result: SendResult }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ops.length) {
      const op = ops[next++];
      const id = await transferId(users[op.from], op.key);
      const result = await wallet(users[op.from]).send({
        transferId: id,
        toUserId: users[op.to],
        currency: "THB",
        amount: op.amount,
      });
      results.push({ op, id, result });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

async function checkInvariants(users: string[], results: { op: Op; id: string; result: SendResult }[]) {
  // What each wallet should hold: its funds, plus and minus each transfer that succeeded, once per id.
  const expected = new Map(users.map((u) => [u, FUNDS]));
  const moved = new Set<string>();
  for (const { op, id, result } of results) {
    if (!result.ok || moved.has(id)) continue;
    moved.add(id);
    expected.set(users[op.from], (expected.get(users[op.from]) ?? 0) - op.amount);
    expected.set(users[op.to], (expected.get(users[op.to]) ?? 0) + op.amount);
  }
  let total = 0;
  let clearing = 0;
  for (const user of users) {
    const [thb] = await wallet(user).balances();
    expect(thb.balance).toBeGreaterThanOrEqual(0);
    expect(thb.held).toBe(0);
    expect(thb.balance).toBe(expected.get(user));
    total += thb.balance;
    const audit = await wallet(user).audit();
    expect(audit.ok, JSON.stringify(audit)).toBe(true);
    clearing += audit.clearing.THB ?? 0;
  }
  expect(total).toBe(users.length * FUNDS);
  // Every transfer that left one wallet arrived in another: the clearing account's sides cancel.
  expect(clearing).toBe(0);
  // A repeated key never moved money twice (the balances above count each id once). A refusal
  // holds nothing, so the object may accept the same id later, once the sender has the funds; over
  // HTTP the Idempotency-Key replays the first answer (refusals included). A key that was accepted
  // stays accepted: no repeat of it is refused for the funds it already moved.
  const accepted = new Set(results.filter((r) => r.result.ok).map((r) => r.id));
  const byId = new Map<string, SendResult>();
  for (const { id, result } of results) {
    const first = byId.get(id);
    if (!first) byId.set(id, result);
    else if (first.ok) expect(result.ok, `key ${id} accepted, then refused`).toBe(true);
  }
  expect(accepted.size).toBe(moved.size);
  return moved.size;
}

describe("transfers keep the money: property tests with real objects", () => {
  it("1,000 random concurrent transfers among 50 wallets keep the total, never go negative, move each key once", async () => {
    await fc.assert(
      fc.asyncProperty(opsOf(WALLETS, 800, 200), async (ops) => {
        const users = Array.from({ length: WALLETS }, () => freshUser("p"));
        await Promise.all(users.map((u) => fund(u, FUNDS)));
        const results = await runConcurrently(users, ops, 50);
        expect(results).toHaveLength(1_000);
        const moved = await checkInvariants(users, results);
        expect(moved).toBeGreaterThan(100);
      }),
      { numRuns: 1, endOnFailure: true },
    );
  }, 180_000);

  it("holds for many smaller random runs too (fewer wallets, so more contention per wallet)", async () => {
    await fc.assert(
      fc.asyncProperty(opsOf(5, 50, 10), async (ops) => {
        const users = Array.from({ length: 5 }, () => freshUser("s"));
        await Promise.all(users.map((u) => fund(u, FUNDS)));
        await checkInvariants(users, await runConcurrently(users, ops, 20));
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 180_000);
});
