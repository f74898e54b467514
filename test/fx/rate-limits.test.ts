import { describe, expect, it } from "vitest";
import { newDevice, otpSignIn, thaiMobile } from "../identity/helpers";
import { expectLimited, uniqueIp, withVars } from "../platform/limits";
import { advanceTime } from "../support/clock";
import { balanceOf, fund } from "../wallet/helpers";

// POST /api/v1/fx/quotes (WRITE_LIMIT_FX_QUOTE) and POST /api/v1/wallet/conversions
// (WRITE_LIMIT_CONVERSION): with the limit lowered to 2, the third within the window is 429 with
// Retry-After and changes nothing; after the window the next goes through. Per IP too.

const WINDOW = 60;

const user = async () => {
  const t = await otpSignIn(thaiMobile(), { device: newDevice() });
  return { token: t.accessToken, id: t.user.id };
};

const thbToSgd = { from: { amount: 10_000, currency: "THB" }, to: "SGD" };

describe("WRITE_LIMIT_FX_QUOTE", () => {
  it("refuses the third quote of an account within the window, then lets one through", async () => {
    const call = withVars({ WRITE_LIMIT_FX_QUOTE: `2,1000,${WINDOW}` });
    const a = await user();
    const ip = uniqueIp();
    for (let i = 0; i < 2; i++) {
      const res = await call("POST", "/api/v1/fx/quotes", { token: a.token, ip, body: thbToSgd });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    await expectLimited(await call("POST", "/api/v1/fx/quotes", { token: a.token, ip, body: thbToSgd }), WINDOW);
    advanceTime((WINDOW + 1) * 1000);
    const res = await call("POST", "/api/v1/fx/quotes", { token: a.token, ip, body: thbToSgd });
    expect(res.status).toBe(201);
  });

  it("refuses the third quote from one IP across accounts", async () => {
    const call = withVars({ WRITE_LIMIT_FX_QUOTE: `1000,2,${WINDOW}` });
    const ip = uniqueIp();
    for (let i = 0; i < 2; i++) {
      const { token } = await user();
      expect((await call("POST", "/api/v1/fx/quotes", { token, ip, body: thbToSgd })).status).toBe(201);
    }
    const { token } = await user();
    await expectLimited(await call("POST", "/api/v1/fx/quotes", { token, ip, body: thbToSgd }), WINDOW, "this network");
  });
});

describe("WRITE_LIMIT_CONVERSION", () => {
  it("refuses the third conversion within the window and moves no money", async () => {
    const call = withVars({ WRITE_LIMIT_CONVERSION: `2,1000,${WINDOW}` });
    const a = await user();
    const ip = uniqueIp();
    await fund(a.id, 100_000);
    const convert = async () => {
      const q = await call("POST", "/api/v1/fx/quotes", { token: a.token, ip, body: thbToSgd });
      expect(q.status).toBe(201);
      const { id } = (await q.json()) as { id: string };
      return call("POST", "/api/v1/wallet/conversions", {
        token: a.token,
        ip,
        body: { quoteId: id },
        idempotencyKey: crypto.randomUUID(),
      });
    };
    for (let i = 0; i < 2; i++) {
      const res = await convert();
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const before = await balanceOf(a.id);
    expect(before.balance).toBe(80_000);
    await expectLimited(await convert(), WINDOW);
    expect(await balanceOf(a.id)).toEqual(before);
    advanceTime((WINDOW + 1) * 1000);
    expect((await convert()).status).toBe(201);
    expect((await balanceOf(a.id)).balance).toBe(70_000);
  });
});
