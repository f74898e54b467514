import { FlashCourier } from "../../workers/logistics";
import { json } from "../support/recording-fetch";

// Flash Express answers shaped as the FlashExpress Open API documents them (envelope `{ code,
// message, data }`, code 1 success; fields as in its examples), shared by the Flash courier's tests.

export const API = "https://open-api-tra.flashexpress.com";
export const MCH_ID = "AA0001";
export const SECRET = "flash-test-secret-0123456789abcdef";
/** The nonceStr of every call a test courier makes (the documented example's, a millisecond time). */
export const NONCE = "1526461166805";

export function courier(fetchFn: typeof fetch, { timeoutMs = 2000, secretKey = SECRET } = {}) {
  return new FlashCourier({ baseUrl: API, mchId: MCH_ID, secretKey, timeoutMs, fetchFn, nonce: () => NONCE });
}

export const ok = (data: unknown) => json(200, { code: 1, message: "success", data });
/** A refusal: Flash answers HTTP 200 with its own code (1003 "Order is exists", 1015 picked up...). */
export const refused = (code: number, message: string) => json(200, { code, message, data: null });

/** SHA-256 upper-case hex of a text: the expected `sign` of a spelled-out canonical string. */
export async function sha256Upper(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** POST /open/v3/orders: the created parcel (pno) and its sorting codes. */
export const CREATED = {
  pno: "TH014276DR9A",
  mchId: MCH_ID,
  outTradeNo: "shp_01JFLASH0000000000000001",
  sortCode: "06A-06052-02",
  dstStoreName: "WTN_SP-วัฒนา",
  sortingLineCode: "C01",
  earlyFlightEnabled: false,
  packEnabled: false,
  upcountryCharge: false,
};

/** POST /open/v1/orders/estimate_rate: the price in satang. */
export const ESTIMATE = { estimatePrice: 3500, upCountry: false, upCountryAmount: 0, pricePolicy: 1 };

/** A parcel's routes as Flash lists them (newest first), `routedAt` in Unix seconds. */
export const ROUTE_LOG = [
  { routeAction: "RECEIVED", message: "Your parcel has been picked-up by Flash Express", state: 1 },
  { routeAction: "RECEIVE_WAREHOUSE_SCAN", message: "Arrived at the branch", state: 2 },
  { routeAction: "SHIPMENT_WAREHOUSE_SCAN", message: "Left the branch", state: 2 },
  { routeAction: "ARRIVAL_WAREHOUSE_SCAN", message: "Arrived at the destination branch", state: 2 },
  { routeAction: "DELIVERY_TICKET_CREATION_SCAN", message: "Out for delivery", state: 3 },
  { routeAction: "DELIVERY_CONFIRM", message: "Signed by the recipient", state: 5 },
];

/**
 * POST /open/v1/orders/{pno}/routes after the first `count` routes of `log`, the first at
 * `start` (Unix seconds) and one every ten minutes; the parcel's state is that of the last.
 */
export function routes(pno: string, count: number, start: number, log = ROUTE_LOG) {
  const done = log.slice(0, count).map((r, i) => ({ ...r, routedAt: start + i * 600 }));
  const last = done.at(-1);
  return {
    pno,
    origPno: pno,
    returnedPno: null,
    customaryPno: null,
    state: last?.state ?? 0,
    stateText: last?.message ?? "",
    stateChangeAt: last?.routedAt ?? start,
    routes: [...done].reverse(),
  };
}

/**
 * A status webhook as Flash sends it (form-encoded, `data` as JSON text), signed the documented way:
 * SHA-256 of `mchId=…&nonceStr=…&key=<secret>`, upper-case. Its body claims what `claim` says.
 */
export async function statusWebhook(
  pno: string,
  { claim = "5", secret = SECRET, mchId = MCH_ID, nonceStr = "1680747255", asJson = false } = {},
) {
  const sign = await sha256Upper(`mchId=${mchId}&nonceStr=${nonceStr}&key=${secret}`);
  const data = {
    orderId: "642e26846ac1770008b69c0f",
    outTradeNo: "shp_01JFLASH0000000000000001",
    pno,
    origPno: pno,
    recentPno: pno,
    state: claim,
    stateText: claim === "5" ? "Signed" : "Picked up",
    returned: false,
    returnedPno: null,
    updateAt: nonceStr,
    routedAction: claim === "5" ? "DELIVERY_CONFIRM" : "RECEIVED",
    message: "Your parcel has been picked-up by",
    routedAt: nonceStr,
  };
  const rawBody = asJson
    ? JSON.stringify({ mchId, nonceStr, sign, data })
    : new URLSearchParams({ mchId, nonceStr, sign, data: JSON.stringify(data) }).toString();
  const contentType = asJson ? "application/json" : "application/x-www-form-urlencoded";
  return { rawBody, headers: new Headers({ "Content-Type": contentType }) };
}

/** A tiny PDF, as the label call answers. */
export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
