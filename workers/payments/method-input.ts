import { ApiError } from "../platform/errors";
import { fpxBank, isRegionalMethod, type RegionalMethod, regionalCurrencyAllowed } from "./gateways/regional";

/**
 * The 422 for a payment request whose method input cannot work, found before anything is written
 * or any gateway called: a regional method (PayNow, FPX, GrabPay) outside the currency its scheme
 * settles in; FPX without the payer's bank, or with a bank FPX does not know; a bank on any other
 * method (refused, so a client never believes it chose something that was ignored). Undefined
 * when the input is fine. Payment options list the banks (GET /payments/options).
 */
export function methodInputProblem(method: string, currency: string, bank?: string): ApiError | undefined {
  if (isRegionalMethod(method) && !regionalCurrencyAllowed(method, currency)) return currencyProblem(method, currency);
  if (method !== "fpx") {
    if (bank === undefined) return undefined;
    return new ApiError("validation_failed", "Only FPX payments take a bank. Leave bank out.", {
      errors: [{ path: "bank", message: `not taken by ${method}` }],
    });
  }
  if (bank === undefined) {
    return new ApiError(
      "validation_failed",
      "Choose your bank for FPX: send bank with one of the codes the payment options list.",
      { errors: [{ path: "bank", message: "required for fpx" }] },
    );
  }
  if (fpxBank(bank)) return undefined;
  return new ApiError(
    "validation_failed",
    "FPX does not know this bank. Send one of the bank codes the payment options list.",
    { errors: [{ path: "bank", message: "unknown FPX bank" }] },
  );
}

function currencyProblem(method: RegionalMethod, currency: string): ApiError {
  const errors = [{ path: "method", message: `${method} is not available in ${currency}` }];
  switch (method) {
    case "paynow":
      return new ApiError("validation_failed", "PayNow takes only Singapore dollars (SGD). Choose another method.", {
        errors,
      });
    case "fpx":
      return new ApiError("validation_failed", "FPX takes only Malaysian ringgit (MYR). Choose another method.", {
        errors,
      });
    case "grabpay":
      return new ApiError(
        "validation_failed",
        "GrabPay takes only Singapore dollars (SGD) or Malaysian ringgit (MYR). Choose another method.",
        { errors },
      );
  }
}
