import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { mergeGuestCartInto } from "../../workers/cart";
import { newDevice, requestCode, thaiMobile } from "../identity/helpers";
import {
  addItem,
  call,
  expectCart,
  expectJson,
  getCart,
  guestCart,
  guestWith,
  newAccount,
  newProduct,
  newShop,
  setStatus,
  stock,
} from "./helpers";

interface Tokens {
  accessToken: string;
  user: { id: string };
}

const login = (email: string, password: string, cartToken?: string) =>
  call("POST", "/api/v1/auth/login", { body: { email, password }, cartToken });

describe("a guest cart merges into the user's cart at sign-in", () => {
  it("login with X-Cart-Token: quantities add up, new lines arrive, the guest cart is emptied", async () => {
    const account = await newAccount();
    const shop = await newShop("TH");
    const both = await newProduct({ shop, stock: 10, price: 1_000 });
    const onlyGuest = await newProduct({ shop, stock: 10, price: 2_000 });
    await expectCart(await addItem({ productId: both.id, quantity: 2 }, account));
    const guestToken = await guestWith([
      { productId: both.id, quantity: 3 },
      { productId: onlyGuest.id, quantity: 1 },
    ]);

    const tokens = await expectJson<Tokens>(await login(account.email, account.password, guestToken), 200);
    const cart = await expectCart(await getCart({ token: tokens.accessToken }));
    const qty = Object.fromEntries(cart.items.map((i) => [i.productId, i.quantity]));
    expect(qty).toEqual({ [both.id]: 5, [onlyGuest.id]: 1 });
    expect(cart.subtotal).toEqual({ amount: 7_000, currency: "THB" });

    const guest = await expectCart(await getCart({ cartToken: guestToken }));
    expect(guest.items).toEqual([]);
    expect(await (await guestCart(guestToken)).snapshot()).toMatchObject({ lines: [], updatedAt: null });

    // Signing in again with the spent token changes nothing.
    await expectJson<Tokens>(await login(account.email, account.password, guestToken), 200);
    const again = await expectCart(await getCart({ token: tokens.accessToken }));
    expect(again.items.map((i) => i.quantity).sort()).toEqual([1, 5]);
  });

  it("OTP verify with X-Cart-Token merges too (a new user gets the guest's cart)", async () => {
    const product = await newProduct({ stock: 4 });
    const guestToken = await guestWith([{ productId: product.id, quantity: 2 }]);
    const phone = thaiMobile();
    const code = await requestCode(phone);
    const res = await call("POST", "/api/v1/auth/otp/verify", {
      body: { phone, country: "TH", code, device: newDevice() },
      cartToken: guestToken,
    });
    const tokens = await expectJson<Tokens>(res, 200);
    const cart = await expectCart(await getCart({ token: tokens.accessToken }));
    expect(cart.items.map((i) => [i.productId, i.quantity])).toEqual([[product.id, 2]]);
    expect((await expectCart(await getCart({ cartToken: guestToken }))).items).toEqual([]);
  });

  it("register with X-Cart-Token merges", async () => {
    const product = await newProduct({ stock: 4 });
    const guestToken = await guestWith([{ productId: product.id, quantity: 3 }]);
    const account = await newAccount({ "X-Cart-Token": guestToken });
    const cart = await expectCart(await getCart({ token: account.token }));
    expect(cart.items.map((i) => i.quantity)).toEqual([3]);
  });

  it("caps merged quantities by what is in stock now", async () => {
    const account = await newAccount();
    const product = await newProduct({ stock: 6 });
    await addItem({ productId: product.id, quantity: 4 }, account);
    const guestToken = await guestWith([{ productId: product.id, quantity: 5 }]);
    const outcome = await mergeGuestCartInto(env, guestToken, account.userId);
    expect(outcome.merged).toBe(2);
    expect(outcome.dropped).toEqual([
      { productId: product.id, variantId: null, quantity: 3, reason: "insufficient_stock" },
    ]);
    const cart = await expectCart(await getCart(account));
    expect(cart.items[0].quantity).toBe(6);
  });

  it("drops lines in another currency and lines no longer for sale, and says so", async () => {
    const account = await newAccount();
    const thai = await newProduct({ shop: await newShop("TH") });
    await addItem({ productId: thai.id, quantity: 1 }, account);
    const idShop = await newShop("ID");
    const rupiah = await newProduct({ shop: idShop, price: 5_000_000 });
    const rupiahGone = await newProduct({ shop: idShop, price: 7_000_000 });
    const guestToken = await guestWith([
      { productId: rupiah.id, quantity: 2 },
      { productId: rupiahGone.id, quantity: 1 },
    ]);
    await setStatus(rupiahGone.id, "archived");

    const outcome = await mergeGuestCartInto(env, guestToken, account.userId);
    expect(outcome.merged).toBe(0);
    expect(outcome.dropped).toEqual(
      expect.arrayContaining([
        { productId: rupiah.id, variantId: null, quantity: 2, reason: "currency_mismatch" },
        { productId: rupiahGone.id, variantId: null, quantity: 1, reason: "unavailable" },
      ]),
    );
    const cart = await expectCart(await getCart(account));
    expect(cart.currency).toBe("THB");
    expect(cart.items.map((i) => i.productId)).toEqual([thai.id]);
    expect((await expectCart(await getCart({ cartToken: guestToken }))).items).toEqual([]);
  });

  it("an empty user cart takes the guest's currency", async () => {
    const account = await newAccount();
    const vnd = await newProduct({ shop: await newShop("VN"), price: 250_000 });
    const guestToken = await guestWith([{ productId: vnd.id, quantity: 1 }]);
    await stock(vnd.id, 10);
    const outcome = await mergeGuestCartInto(env, guestToken, account.userId);
    expect(outcome).toEqual({ merged: 1, dropped: [] });
    const cart = await expectCart(await getCart(account));
    expect(cart).toMatchObject({ currency: "VND", subtotal: { amount: 250_000, currency: "VND" } });
  });

  it("a malformed or unknown token never breaks the sign-in", async () => {
    const account = await newAccount();
    await expectJson<Tokens>(await login(account.email, account.password, "not-a-cart-token"), 200);
    const unknown = (await getCart()).headers.get("X-Cart-Token")!;
    await expectJson<Tokens>(await login(account.email, account.password, unknown), 200);
    expect((await mergeGuestCartInto(env, "nope", account.userId)).skipped).toBe("invalid_token");
    expect((await expectCart(await getCart(account))).items).toEqual([]);
  });

  it("a failed sign-in merges nothing", async () => {
    const account = await newAccount();
    const product = await newProduct();
    const guestToken = await guestWith([{ productId: product.id, quantity: 1 }]);
    const res = await login(account.email, "Wrong-Password-1", guestToken);
    expect(res.status).toBe(401);
    expect((await expectCart(await getCart({ cartToken: guestToken }))).items).toHaveLength(1);
    expect((await expectCart(await getCart(account))).items).toEqual([]);
  });
});
