import type { Context } from "hono";
import { adminRouter, auditAdminActions } from "./admin";
import type { AppEnv } from "./app-env";
import { cartRouter, mergeGuestCartOnSignIn } from "./cart";
import { catalogRouter, categoriesRouter, saleProductFacts } from "./catalog";
import { chatRouter } from "./chat";
import { benchRouter, seedRouter } from "./dev";
import { disbursementsRouter } from "./disbursements";
import { earningsRouter } from "./earnings";
import { createFlashSalesRouter } from "./flash-sales";
import { fxRouter } from "./fx";
import { authenticate, createIdentityRouter } from "./identity";
import { courierLiveRates, createLogisticsRouter } from "./logistics";
import { mediaRouter } from "./media";
import { messagingRouter } from "./messaging";
import { metricsRouter } from "./metrics";
import { isPageLoad, pageNotFound } from "./middleware/page-not-found";
import { answerError, requestFrame } from "./middleware/request-frame";
import { nothingAt } from "./middleware/switched-routes";
import { notificationsRouter } from "./notifications";
import { deadLettersRouter, healthRouter, mountApiDocs, readyRouter } from "./ops";
import { type CheckoutProbe, createOrdersRouter, vouchersRouter } from "./orders";
import { codCollected, codFailed, paymentsRouter, refundOrderPayment } from "./payments";
import { ApiError } from "./platform/errors";
import { createRouter } from "./platform/openapi";
import { MemoRouter } from "./platform/route-memo";
import { privacyRouter } from "./privacy";
import { endSessionStreams, realtimeRouter } from "./realtime";
import { recommendationsRouter } from "./recommendations";
import { returnsRouter } from "./returns";
import { reviewsRouter } from "./reviews";
import { searchRouter } from "./search";
import { createShippingRouter, type LiveRates } from "./shipping";
import { shopsRouter } from "./shops";
import { syntheticsRouter } from "./synthetics";
import { walletRouter } from "./wallet";

/**
 * The Hono app: one global middleware for every request (requestFrame: request id, config, CORS
 * preflight, configuration, body size and switched-off routes, access log, then CORS and security
 * headers on the answer), then the domain routers, then problem+json for
 * everything that goes wrong, 404 and 405 included. Tests may hand in seams (a checkout probe, live rates);
 * the Worker (workers/index.ts) passes none.
 */
export function createApp(seams: { checkoutProbe?: CheckoutProbe; liveRates?: LiveRates } = {}) {
  const app = createRouter({ router: new MemoRouter() });
  app.use("*", requestFrame);
  app.use("/api/*", authenticate);
  app.use("/api/v1/admin/*", auditAdminActions);

  app.route("/", healthRouter);
  app.route("/", readyRouter);
  app.route("/", messagingRouter);
  app.route("/", seedRouter);
  app.route("/", benchRouter);
  app.route("/", categoriesRouter);
  // Identity cannot import cart or realtime (both sit above it): the guest-cart merge at sign-in and
  // the closing of a signed-out session's sockets are handed in.
  app.route("/", createIdentityRouter({ signedIn: mergeGuestCartOnSignIn, sessionsEnded: endSessionStreams }));
  app.route("/", privacyRouter);
  app.route("/", adminRouter);
  app.route("/", deadLettersRouter);
  app.route("/", syntheticsRouter);
  app.route("/", metricsRouter);
  app.route("/", searchRouter);
  app.route("/", shopsRouter);
  app.route("/", catalogRouter);
  app.route("/", reviewsRouter);
  app.route("/", recommendationsRouter);
  app.route("/", mediaRouter);
  app.route("/", cartRouter);
  // Shipping cannot import logistics (logistics uses shipping): live courier prices are handed in.
  app.route("/", createShippingRouter({ liveRates: seams.liveRates ?? courierLiveRates() }));
  // Orders cannot import payments (payments uses orders): the refund a cancellation needs is handed in.
  app.route("/", createOrdersRouter({ refundPayment: refundOrderPayment, checkoutProbe: seams.checkoutProbe }));
  app.route("/", vouchersRouter);
  app.route("/", paymentsRouter);
  app.route("/", returnsRouter);
  // Logistics cannot import payments (payments asks it about cash on delivery): COD settlement is handed in.
  app.route("/", createLogisticsRouter({ cod: { collected: codCollected, failed: codFailed } }));
  app.route("/", chatRouter);
  app.route("/", realtimeRouter);
  app.route("/", notificationsRouter);
  app.route("/", walletRouter);
  app.route("/", disbursementsRouter);
  app.route("/", earningsRouter);
  app.route("/", fxRouter);
  // Flash sales cannot import catalog (catalog reads live sale prices): the product check is handed in.
  app.route("/", createFlashSalesRouter({ loadProducts: saleProductFacts }));
  mountApiDocs(app);

  const allowedMethods = methodsByPath(app.routes);
  app.notFound(async (c) => {
    const allow = allowedMethods(c.req.path);
    if (allow.length > 0) {
      throw new ApiError("method_not_allowed", `${c.req.method} is not supported here. Use ${allow.join(", ")}.`, {
        headers: { Allow: allow.join(", ") },
      });
    }
    const page = isPageLoad(c.req.raw, c.req.path) ? await pageNotFound(c as Context<AppEnv>) : undefined;
    if (page) return page;
    throw nothingAt(c.req.path);
  });
  app.onError((err, c) => answerError(err, c as Context<AppEnv>));
  return app;
}

/** For a path that exists under other methods, which methods it has (to answer 405 with Allow). */
function methodsByPath(routes: readonly { method: string; path: string }[]) {
  let compiled: { pattern: RegExp; method: string }[] | undefined;
  return (path: string): string[] => {
    compiled ??= routes
      .filter((r) => r.method !== "ALL" && r.path !== "*" && !r.path.endsWith("/*"))
      .map((r) => ({
        method: r.method,
        // Exactly the path the router serves: a trailing-slash variant is not served, so it is a 404.
        pattern: new RegExp(`^${r.path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z0-9_]+/g, "[^/]+")}$`),
      }));
    const methods = new Set(compiled.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  };
}
