import { fpxBank, isRegionalMethod } from "./regional";
import type { PaymentIntent } from "./stripe-wire";
import { type CreatePaymentInput, GatewayError, malformedAnswer, type NextAction } from "./types";
import { isRecord, str } from "./util";

// PayNow, FPX and GrabPay through Stripe PaymentIntents: the server creates and confirms the
// intent in one call (payment_method_data makes the PaymentMethod), and Stripe answers with the
// next action: PayNow's QR code (paynow_display_qr_code) or the bank's / Grab's page
// (redirect_to_url). No Stripe.js is needed on the client for these.

/**
 * The confirm part of the create form for a regional method: `payment_method_data[type]`, FPX's
 * bank (and `account_holder_type=company` for a business-only bank), `confirm=true` and the
 * `return_url` Stripe sends the payer back to after the redirect.
 */
export function regionalConfirmForm(form: URLSearchParams, input: CreatePaymentInput): void {
  form.set("payment_method_data[type]", input.method);
  if (input.method === "fpx") {
    const bank = fpxBank(input.bank);
    // methodInputProblem has refused a missing or unknown bank before any call; this guards the invariant.
    if (!bank) throw new Error("FPX payment without a known bank");
    form.set("payment_method_data[fpx][bank]", bank.code);
    if (bank.business) form.set("payment_method_data[fpx][account_holder_type]", "company");
  }
  if (input.customer?.email) form.set("payment_method_data[billing_details][email]", input.customer.email);
  form.set("confirm", "true");
  form.set("return_url", input.returnUrl);
}

/**
 * What the payer does next, from the PaymentIntent: a redirect (3-D Secure, FPX, GrabPay), PayNow's
 * QR code, or, for a card without a PaymentMethod yet, the client secret for Stripe.js. A regional
 * payment Stripe confirmed without an action is already processing or paid (`none`); one sent back
 * to `requires_payment_method` was refused at once.
 */
export function stripeNextAction(intent: PaymentIntent, input: CreatePaymentInput): NextAction {
  const action = intent.next_action;
  if (isRecord(action) && action.type === "redirect_to_url" && isRecord(action.redirect_to_url)) {
    const url = str(action.redirect_to_url.url);
    if (url)
      return input.method === "fpx" && input.bank
        ? { type: "redirect", url, bank: input.bank }
        : { type: "redirect", url };
  }
  if (isRecord(action) && action.type === "paynow_display_qr_code" && isRecord(action.paynow_display_qr_code)) {
    const qr = action.paynow_display_qr_code;
    const qrString = str(qr.data);
    const imageUrl = str(qr.image_url_png);
    if (qrString || imageUrl) {
      // Stripe's PayNow action carries no expiry of its own: the QR is good until the intent is
      // cancelled, which the domain does when the orders' stock hold ends.
      const expiresAt = typeof qr.expires_at === "number" ? new Date(qr.expires_at * 1000) : input.expiresAt;
      return {
        type: "qr",
        ...(qrString ? { qrString } : {}),
        ...(imageUrl ? { imageUrl } : {}),
        expiresAt: expiresAt.toISOString(),
      };
    }
  }
  if (!isRegionalMethod(input.method)) {
    const clientSecret = intent.client_secret;
    return clientSecret ? { type: "none", clientSecret } : { type: "none" };
  }
  if (intent.status === "processing" || intent.status === "succeeded") return { type: "none" };
  if (intent.status === "requires_payment_method") {
    const error = isRecord(intent.last_payment_error) ? intent.last_payment_error : {};
    throw new GatewayError("stripe", str(error.message) ?? `Stripe refused the ${input.method} payment`, {
      retryable: false,
      gatewayCode: str(error.decline_code) ?? str(error.code) ?? "payment_failed",
    });
  }
  // The idempotency key makes asking again safe: the same intent comes back, maybe with its action.
  throw malformedAnswer("stripe", "the PaymentIntent", `no next action for ${input.method} (${intent.status})`, {
    retryable: true,
  });
}
