import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { parsePiiKeyring } from "../../workers/platform/config-pii-keys";
import { base64url } from "../../workers/platform/ids";
import { decryptPii } from "../../workers/platform/pii";
import { runPiiRotation } from "../../workers/privacy/rotation";
import { sealedWithdrawals } from "../../workers/wallet/object/personal";
import { deliverOutbox } from "../../workers/wallet/object/projection";
import { useFreshStorage } from "../support/fresh-storage";
import { expectJson } from "../support/http";
import { wallet } from "./helpers";
import { disbursementRow, fundedUser, inside, KBANK, type Transaction, thb, withdraw } from "./withdrawal-helpers";

// The PII key rotation (workers/privacy/rotation.ts) also re-encrypts the bank account number and
// holder's name that each Wallet object keeps for its withdrawals (w_withdrawals), so the old key
// can be removed. Its runs are over the whole database: this file starts on an empty one.
useFreshStorage();

const A = parsePiiKeyring(env)[0];
const B = { id: "k2027-03", key: base64url(crypto.getRandomValues(new Uint8Array(32))) };
const keys = (...list: { id: string; key: string }[]) => ({ PII_ENCRYPTION_KEYS: JSON.stringify(list) });
const rotated: Env = { ...env, ...keys(B, A) };
const bOnly = keys(B);

interface Status {
  done: boolean;
  targets: { target: string; done: boolean; rewritten: number }[];
}

async function rotateToEnd(restart = false): Promise<Status> {
  let status = (await runPiiRotation(rotated, { restart })) as Status;
  for (let i = 0; i < 30 && !status.done; i++) status = (await runPiiRotation(rotated)) as Status;
  expect(status.done).toBe(true);
  return status;
}

describe("PII key rotation of the bank fields in Wallet objects", () => {
  it("re-encrypts each withdrawal's account number and name; they read back with the new key alone", async () => {
    const people = await Promise.all([fundedUser(100_000), fundedUser(100_000)]);
    for (const { token } of people) {
      await expectJson<Transaction>(await withdraw(token, { amount: thb(10_000), bankAccount: KBANK }), 201);
    }
    const { token, userId } = people[0];
    const second = await expectJson<Transaction>(
      await withdraw(token, { amount: thb(20_000), bankAccount: { ...KBANK, accountNumber: "9876543210" } }),
      201,
    );
    // The projection lists the wallets that ever withdrew (the rotation's way to find them).
    for (const p of people) await inside(wallet(p.userId), (state) => deliverOutbox(state));
    const sealedOf = (id: string) => inside(wallet(id), (state) => sealedWithdrawals(state));
    const before = [...(await sealedOf(people[0].userId)), ...(await sealedOf(people[1].userId))];
    expect(before).toHaveLength(6);
    expect(before.every((s) => s.value.startsWith(`${A.id}.`))).toBe(true);

    const status = await rotateToEnd();
    expect(status.targets.find((t) => t.target === "wallet_withdrawals")).toMatchObject({ done: true, rewritten: 6 });

    const after = await sealedOf(userId);
    expect(after.every((s) => s.value.startsWith(`${B.id}.`))).toBe(true);
    // The old key removed: the withdrawal's bank account still reads back.
    const number = after.find((s) => s.id === second.id && s.column === "account_number_enc")!;
    const name = after.find((s) => s.id === second.id && s.column === "account_name_enc")!;
    expect(await decryptPii(bOnly, number.value)).toBe("9876543210");
    expect(await decryptPii(bOnly, name.value)).toBe("Somchai Jaidee");
    await expect(decryptPii(env, number.value)).rejects.toThrow(/does not hold/);
    // The disbursement's own copy (D1) went to the new key too.
    const row = await disbursementRow(second.id);
    expect(await decryptPii(bOnly, row!.accountNumberEnc)).toBe("9876543210");

    // Run again from the start: everything is on the new key already, nothing is rewritten.
    const again = await rotateToEnd(true);
    expect(again.targets.find((t) => t.target === "wallet_withdrawals")?.rewritten).toBe(0);
  });
});
