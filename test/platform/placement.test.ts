import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { placement } from "../../workers/platform/placement";
import { walletStub } from "../../workers/wallet/keys";

// Durable Objects are got with DO_LOCATION_HINT (docs/data-residency.md): "apac" when deployed.

describe("placement", () => {
  it("passes a known hint, and no hint for an empty or unknown value", () => {
    expect(placement({ DO_LOCATION_HINT: "apac" })).toEqual({ locationHint: "apac" });
    expect(placement({ DO_LOCATION_HINT: " oc " })).toEqual({ locationHint: "oc" });
    expect(placement({ DO_LOCATION_HINT: "" })).toEqual({});
    expect(placement({ DO_LOCATION_HINT: "singapore" })).toEqual({});
    expect(placement({})).toEqual({});
  });

  it("an object got with the hint works as any other", async () => {
    const hinted = { ...env, DO_LOCATION_HINT: "apac" } as Env;
    const userId = `usr_placement_${crypto.randomUUID()}`;
    expect(await walletStub(hinted, userId).balances()).toEqual(await walletStub(env, userId).balances());
  });
});
