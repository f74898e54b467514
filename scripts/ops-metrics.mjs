// npm run ops:metrics -- --env production|local [--from ISO] [--to ISO] [--granularity minute|hour|day] [--base URL]
// Prints GET /api/v1/admin/metrics as a table. TCHAT_ADMIN_TOKEN holds an admin's access token.
const argv = process.argv.slice(2);
const args = {};
argv.forEach((a, i) => {
  if (a.startsWith("--")) args[a.slice(2)] = argv[i + 1];
});
const bases = { production: "https://api.tchat.example", local: "http://127.0.0.1:8787" };
const base = args.base ?? bases[args.env ?? "local"];
if (!base) {
  console.error("Use --env production or --env local (or --base URL).");
  process.exit(2);
}
const token = process.env.TCHAT_ADMIN_TOKEN;
if (!token) {
  console.error("Set TCHAT_ADMIN_TOKEN to an admin's access token.");
  process.exit(2);
}
const query = new URLSearchParams();
for (const k of ["from", "to", "granularity"]) if (args[k]) query.set(k, args[k]);
const res = await fetch(`${base}/api/v1/admin/metrics?${query}`, { headers: { Authorization: `Bearer ${token}` } });
const body = await res.json();
if (!res.ok) {
  console.error(`${res.status} ${body.detail ?? body.title ?? ""}`);
  process.exit(1);
}
const money = (list) => list.map((m) => `${m.amount} ${m.currency}`).join(" ") || "-";
console.log(`${body.from} → ${body.to} (${body.granularity}, ${body.source})`);
console.table(
  body.series.map((p) => ({
    at: p.at.slice(0, 16),
    req: p.requests,
    "err%": (p.errorRate * 100).toFixed(1),
    p50: p.p50Ms ?? "-",
    p95: p.p95Ms ?? "-",
    p99: p.p99Ms ?? "-",
    orders: p.orders,
    revenue: money(p.revenue),
    "pay ok": p.paymentsSucceeded,
    "pay fail": p.paymentsFailed,
    chat: p.chatMessages,
    "notif ok": p.notificationsSent,
    "notif fail": p.notificationsFailed,
  })),
);
const f = body.funnel;
console.log(`queues: backlog ${body.queues.backlog}, dead letters ${body.queues.deadLetters}`);
console.log(
  `funnel: carts ${f.cartsStarted}, ordered ${f.cartsOrdered}, conversion ${f.conversion ?? "-"}, cart abandonment ${f.cartAbandonment ?? "-"} (same carts); product views ${f.productViews}, checkouts ${f.checkouts}`,
);
