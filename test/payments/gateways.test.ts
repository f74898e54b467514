import { describe, expect, it } from "vitest";
import {
  GatewayError,
  gatewayFor,
  isGatewayName,
  MidtransGateway,
  OmiseGateway,
  type PaymentGatewayConfig,
  SandboxGateway,
  StripeGateway,
  XenditGateway,
} from "../../workers/payments/gateways";
import { constantTimeEqual } from "../../workers/platform/crypto";
import { fromMajor, money, toMajorNumber, toMajorString } from "../../workers/platform/money";
import { recordingFetch } from "./helpers";

/** The development values documented in docs/payments.md (for .dev.vars.example). */
const DEV: PaymentGatewayConfig = {
  SANDBOX_WEBHOOK_SECRET: "uNFMRmH9AORpFIgHqi0uAYv93u_ipdpS",
  STRIPE_SECRET_KEY: "sk_test_tchat_local_placeholder",
  STRIPE_WEBHOOK_SECRET: "whsec_d6a7865d60e6bd94438f3976e3d70050a9efb89599d6cdf1",
  MIDTRANS_SERVER_KEY: "SB-Mid-server-tchat-local-placeholder",
  MIDTRANS_BASE_URL: "https://api.sandbox.midtrans.com",
  XENDIT_SECRET_KEY: "xnd_development_tchat_local_placeholder",
  XENDIT_CALLBACK_TOKEN: "Mn_Z_Ywok5hznWqJJj4RRWT5RoXjz2JM",
  OMISE_SECRET_KEY: "skey_test_tchat_local_placeholder",
  OMISE_WEBHOOK_SECRET: "IyXKWqP+pjTL6qgt08J0c16AV93CBiRTLnjyJjHgL60=",
};

describe("gatewayFor", () => {
  const { fetchFn } = recordingFetch();

  it("builds each gateway from its variables", () => {
    expect(gatewayFor("sandbox", DEV, fetchFn)).toBeInstanceOf(SandboxGateway);
    expect(gatewayFor("stripe", DEV, fetchFn)).toBeInstanceOf(StripeGateway);
    expect(gatewayFor("midtrans", DEV, fetchFn)).toBeInstanceOf(MidtransGateway);
    expect(gatewayFor("xendit", DEV, fetchFn)).toBeInstanceOf(XenditGateway);
    expect(gatewayFor("omise", DEV, fetchFn)).toBeInstanceOf(OmiseGateway);
    expect(gatewayFor("omise", DEV, fetchFn).name).toBe("omise");
    expect(isGatewayName("xendit")).toBe(true);
    expect(isGatewayName("paypal")).toBe(false);
  });

  it("points Midtrans at MIDTRANS_BASE_URL", async () => {
    const recorder = recordingFetch(
      new Response(JSON.stringify({ status_code: "404", status_message: "Transaction doesn't exist." }), {
        status: 404,
      }),
    );
    const midtrans = gatewayFor(
      "midtrans",
      { ...DEV, MIDTRANS_BASE_URL: "https://api.midtrans.com" },
      recorder.fetchFn,
    );
    await midtrans.fetchStatus({ paymentId: "pay_1", method: "bca_va", amount: money(1_000_000, "IDR") });
    expect(recorder.calls[0].url).toBe("https://api.midtrans.com/v2/pay_1/status");
  });

  it("names the missing variables of a gateway that is not configured", () => {
    expect(() => gatewayFor("stripe", { STRIPE_SECRET_KEY: "sk_test_dev" }, fetchFn)).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(() => gatewayFor("midtrans", {}, fetchFn)).toThrow(/MIDTRANS_SERVER_KEY/);
    expect(() => gatewayFor("xendit", { XENDIT_SECRET_KEY: "  " }, fetchFn)).toThrow(
      /XENDIT_SECRET_KEY, XENDIT_CALLBACK_TOKEN/,
    );
    expect(() => gatewayFor("omise", { OMISE_SECRET_KEY: "skey" }, fetchFn)).toThrow(/OMISE_WEBHOOK_SECRET/);
    expect(() => gatewayFor("sandbox", {}, fetchFn)).toThrow(/SANDBOX_WEBHOOK_SECRET/);
  });

  it("GatewayError carries what a caller needs to decide on a retry", () => {
    const error = new GatewayError("xendit", "Xendit 503", {
      status: 503,
      retryable: true,
      gatewayCode: "CHANNEL_UNAVAILABLE",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "GatewayError", gateway: "xendit", status: 503, retryable: true });
  });
});

describe("money in major units", () => {
  it("converts both ways exactly", () => {
    expect(toMajorString(money(15_000_000, "IDR"))).toBe("150000.00");
    expect(toMajorString(money(129_950, "THB"))).toBe("1299.50");
    expect(toMajorString(money(5, "SGD"))).toBe("0.05");
    expect(toMajorString(money(250_000, "VND"))).toBe("250000");
    expect(toMajorNumber(money(149_907, "PHP"))).toBe(1499.07);

    expect(fromMajor("150000.00", "IDR")).toEqual(money(15_000_000, "IDR"));
    expect(fromMajor(150000, "IDR")).toEqual(money(15_000_000, "IDR"));
    expect(fromMajor(1499.07, "PHP")).toEqual(money(149_907, "PHP"));
    expect(fromMajor(0.1 + 0.2, "PHP")).toBeUndefined(); // 0.30000000000000004 is not a price
    expect(fromMajor("1299.500", "THB")).toEqual(money(129_950, "THB"));
    expect(fromMajor("1299.505", "THB")).toBeUndefined();
    expect(fromMajor("250000", "VND")).toEqual(money(250_000, "VND"));
    expect(fromMajor("250000.5", "VND")).toBeUndefined();
    expect(fromMajor("1e5", "IDR")).toBeUndefined();
    expect(fromMajor("", "IDR")).toBeUndefined();
    expect(fromMajor(null, "IDR")).toBeUndefined();
    expect(fromMajor("99999999999999999999", "IDR")).toBeUndefined();
  });

  it("compares secrets in constant time, by value", async () => {
    expect(await constantTimeEqual("token", "token")).toBe(true);
    expect(await constantTimeEqual("token", "tokem")).toBe(false);
    expect(await constantTimeEqual("token", "token ")).toBe(false);
    expect(await constantTimeEqual("", "")).toBe(true);
  });
});
