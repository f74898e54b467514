import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addItem, expectCart, getCart, guestCart, guestWith, newProduct } from "./helpers";

// The Cart object's side of the checkout saga (workers/cart/object/handoffs.ts): lines handed to a
// checkout by its id, the same lines again on a retry, given back once.

const handOff = (checkoutId: string) => ({ checkoutId, keyScope: "cart:test", key: checkoutId, checkAfterMs: 600_000 });

describe("hand-off to a checkout", () => {
  it("a retry of the same checkout gets the same lines and time; another checkout finds the cart empty", async () => {
    const product = await newProduct({ stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 3 }]);
    const stub = await guestCart(token);

    const first = await stub.handOff(handOff("chk_a"));
    expect(first).toMatchObject({ ok: true, replayed: false, lines: [{ productId: product.id, quantity: 3 }] });
    expect((await expectCart(await getCart({ cartToken: token }))).items).toEqual([]);

    // Added after the hand-off: not part of it.
    await expectCart(await addItem({ productId: product.id, quantity: 1 }, { cartToken: token }));
    const again = await stub.handOff(handOff("chk_a"));
    expect(again).toMatchObject({ ok: true, replayed: true, lines: first.ok ? first.lines : [] });
    expect(again.ok && first.ok && again.takenAt === first.takenAt).toBe(true);
    expect((await expectCart(await getCart({ cartToken: token }))).items).toMatchObject([{ quantity: 1 }]);

    const other = await stub.handOff(handOff("chk_b"));
    expect(other).toMatchObject({ ok: true, replayed: false, lines: [{ quantity: 1 }] });
    expect(await stub.handOff(handOff("chk_c"))).toEqual({ ok: false, code: "empty" });
  });

  it("the alarm comes forward to a hand-off's check and goes back to the cart's expiry once its orders are written", async () => {
    const product = await newProduct({ stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 1 }]);
    const stub = await guestCart(token);
    const alarmAt = () => runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    const first = await stub.handOff(handOff("chk_alarm"));
    if (!first.ok) throw new Error("hand-off refused");
    expect(await alarmAt()).toBe(first.takenAt + 600_000);
    await stub.handOffDone("chk_alarm");
    expect(await alarmAt()).toBe((await stub.snapshot()).expiresAt);
  });

  it("gives the lines back once, as they were; the same checkout id may then take the cart again", async () => {
    const product = await newProduct({ stock: 10 });
    const token = await guestWith([{ productId: product.id, quantity: 2 }]);
    const stub = await guestCart(token);
    const before = (await expectCart(await getCart({ cartToken: token }))).items;

    await stub.handOff(handOff("chk_x"));
    await stub.giveBackHandOff("chk_x");
    await stub.giveBackHandOff("chk_x");
    expect((await expectCart(await getCart({ cartToken: token }))).items).toEqual(before);

    expect(await stub.handOff(handOff("chk_x"))).toMatchObject({ ok: true, replayed: false });
    await stub.handOffDone("chk_x");
    await stub.giveBackHandOff("chk_x");
    expect((await expectCart(await getCart({ cartToken: token }))).items).toEqual([]);
    expect(await stub.handOff(handOff("chk_x"))).toEqual({ ok: false, code: "ordered" });
  });

  it("refuses a malformed hand-off as a value", async () => {
    const stub = await guestCart(await guestWith([{ productId: (await newProduct()).id, quantity: 1 }]));
    expect(await stub.handOff({ checkoutId: "", keyScope: "x", key: "y", checkAfterMs: 5 })).toMatchObject({
      ok: false,
      code: "invalid_argument",
    });
  });
});
