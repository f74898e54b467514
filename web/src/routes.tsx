import type { ComponentType } from "preact";
import { lazy } from "preact-iso";
import { Home } from "./views/home/Home";

/**
 * Every page of the app, one line each; a view lives in web/src/views/<area>/. Pages other than
 * home are loaded on first visit (lazy) to keep the first load small (`npm run web:budgets`).
 * A new top-level path must also be listed in wrangler.toml [assets] run_worker_first as a
 * "!" pattern, so that reloading it serves the app (test/web/routes.static.test.ts checks it).
 */
export const ROUTES: { path: string; view: ComponentType }[] = [
  { path: "/", view: Home },
  { path: "/p/:productId", view: lazy(() => import("./views/product/Product").then((m) => m.ProductPage)) },
  { path: "/search", view: lazy(() => import("./views/search/Search").then((m) => m.Search)) },
  { path: "/chat", view: lazy(() => import("./views/chat/ChatList").then((m) => m.ChatList)) },
  { path: "/chat/new", view: lazy(() => import("./views/chat/NewChat").then((m) => m.NewChat)) },
  { path: "/chat/:dialogId", view: lazy(() => import("./views/chat/ChatRoom").then((m) => m.ChatRoom)) },
  { path: "/signin", view: lazy(() => import("./views/account/SignIn").then((m) => m.SignIn)) },
  { path: "/account", view: lazy(() => import("./views/account/Account").then((m) => m.Account)) },
  {
    path: "/account/notifications",
    view: lazy(() => import("./views/account/Notifications").then((m) => m.Notifications)),
  },
  { path: "/cart", view: lazy(() => import("./views/cart/Cart").then((m) => m.Cart)) },
  { path: "/checkout", view: lazy(() => import("./views/checkout/Checkout").then((m) => m.Checkout)) },
  { path: "/orders", view: lazy(() => import("./views/orders/Orders").then((m) => m.Orders)) },
  { path: "/orders/:id", view: lazy(() => import("./views/orders/Order").then((m) => m.Order)) },
  { path: "/orders/:id/pay", view: lazy(() => import("./views/orders/Pay").then((m) => m.Pay)) },
  {
    path: "/seller/:shopId/returns",
    view: lazy(() => import("./views/seller/returns/SellerReturns").then((m) => m.SellerReturns)),
  },
  { path: "/wallet", view: lazy(() => import("./views/wallet/WalletHome").then((m) => m.WalletHome)) },
  { path: "/wallet/send", view: lazy(() => import("./views/wallet/Send").then((m) => m.Send)) },
  { path: "/wallet/topup", view: lazy(() => import("./views/wallet/TopUp").then((m) => m.TopUp)) },
  { path: "/wallet/convert", view: lazy(() => import("./views/wallet/Convert").then((m) => m.Convert)) },
  { path: "/wallet/withdraw", view: lazy(() => import("./views/wallet/Withdraw").then((m) => m.Withdraw)) },
  { path: "/wallet/history/:currency", view: lazy(() => import("./views/wallet/History").then((m) => m.History)) },
  {
    path: "/seller/:shopId/earnings",
    view: lazy(() => import("./views/seller/earnings/Earnings").then((m) => m.Earnings)),
  },
  {
    path: "/seller/:shopId/reports",
    view: lazy(() => import("./views/seller/reports/Reports").then((m) => m.Reports)),
  },
  {
    path: "/seller/:shopId/vouchers",
    view: lazy(() => import("./views/seller/vouchers/Vouchers").then((m) => m.Vouchers)),
  },
  {
    path: "/seller/:shopId/flash-sales",
    view: lazy(() => import("./views/seller/flash-sales/FlashSales").then((m) => m.FlashSales)),
  },
  {
    path: "/wallet/transactions/:id",
    view: lazy(() => import("./views/wallet/TransactionPage").then((m) => m.TransactionPage)),
  },
  { path: "/seller", view: lazy(() => import("./views/seller/SellerHome").then((m) => m.SellerHome)) },
  { path: "/seller/:shopId", view: lazy(() => import("./views/seller/ShopDashboard").then((m) => m.ShopDashboard)) },
  { path: "/seller/:shopId/products", view: lazy(() => import("./views/seller/Products").then((m) => m.Products)) },
  {
    path: "/seller/:shopId/verification",
    view: lazy(() => import("./views/seller/Verification").then((m) => m.Verification)),
  },
  { path: "/seller/:shopId/settings", view: lazy(() => import("./views/seller/Settings").then((m) => m.Settings)) },
  // The operator console (issue 18): one line per section page (web/src/views/ops/sections.ts).
  { path: "/ops", view: lazy(() => import("./views/ops/OpsHome").then((m) => m.OpsHome)) },
  { path: "/ops/audit", view: lazy(() => import("./views/ops/Audit").then((m) => m.Audit)) },
  { path: "/ops/users", view: lazy(() => import("./views/ops/OpsUsers").then((m) => m.OpsUsers)) },
  { path: "/ops/dead-letters", view: lazy(() => import("./views/ops/OpsDeadLetters").then((m) => m.OpsDeadLetters)) },
  { path: "/ops/metrics", view: lazy(() => import("./views/ops/Metrics").then((m) => m.Metrics)) },
  { path: "/ops/alerts", view: lazy(() => import("./views/ops/Alerts").then((m) => m.Alerts)) },
  { path: "/ops/payments", view: lazy(() => import("./views/ops/OpsPayments").then((m) => m.OpsPayments)) },
  {
    path: "/ops/verifications",
    view: lazy(() => import("./views/ops/OpsVerifications").then((m) => m.OpsVerifications)),
  },
  {
    path: "/ops/remittances",
    view: lazy(() => import("./views/ops/remittances/Remittances").then((m) => m.Remittances)),
  },
  {
    path: "/ops/remittances/:id",
    view: lazy(() => import("./views/ops/remittances/RemittanceDetail").then((m) => m.RemittanceDetail)),
  },
];
