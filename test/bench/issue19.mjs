// Issue 19's table, row by row: the scenario that measures each row, the target as the issue words
// it, and the checks that decide "met?" from a run's figures (report.mjs builds the summary). A
// fraction is of the plain Worker measured just before and just after the scenario, once workerd
// was idle each time (their mean; the issue's figure); the chat
// and notification rows read their own runners' metrics (chat-fanout.mjs, notifications.mjs).

const percent = (f) => `${(f * 100).toFixed(1)} %`;
const ms = (v) => `${(Math.round(v * 10) / 10).toLocaleString("en-US")} ms`;
const whole = (f) => Math.round(f * 100);

/** fraction of the plain Worker ≥ `target` (0.57 for 57 %). */
const fraction = (target) => ({
  what: `≥ ${whole(target)} % of the plain Worker`,
  value: (s) => s.fractionOfCeiling,
  ok: (v) => v >= target,
  text: (v) => `${percent(v)} of the plain Worker (target ≥ ${whole(target)} %)`,
});

/** latency percentile `p` below `limit` ms (of `scenario` when given, else the row's own). */
const below = (p, limit, { scenario, label = p } = {}) => ({
  scenario,
  what: `${label} < ${limit} ms`,
  value: (s) => s.latencyMs?.[p],
  ok: (v) => v < limit,
  text: (v) => `${label} ${ms(v)} (target < ${limit.toLocaleString("en-US")} ms)`,
});

/** at least `minimum` per second (of `scenario` when given, else the row's own). */
const rate = (minimum, unit, { scenario, value = (s) => s.requestsPerSecond?.average } = {}) => ({
  scenario,
  what: `≥ ${minimum} ${unit}`,
  value,
  ok: (v) => v >= minimum,
  text: (v) => `${Math.round(v * 10) / 10} ${unit} (target ≥ ${minimum.toLocaleString("en-US")})`,
});

const noErrors = {
  what: "0 errors",
  value: (s) => (s.non2xx ?? 0) + (s.errors ?? 0),
  ok: (v) => v === 0,
  text: (v) => `${v} errors (target 0)`,
};

export const ISSUE_ROWS = [
  { label: "plain Worker, no framework (the ceiling)", scenario: "ceiling", target: "–", checks: [] },
  {
    label: "`GET /health` (the whole middleware chain)",
    scenario: "health",
    target: "≥ 57 %",
    fractionTarget: true,
    checks: [fraction(0.57)],
  },
  {
    label: "product list, 20 per page",
    scenario: "products-list",
    target: "≥ 50 %, p99 < 50 ms",
    fractionTarget: true,
    latency: ["p99"],
    checks: [fraction(0.5), below("p99", 50)],
  },
  {
    label: "product detail",
    scenario: "product-detail",
    target: "≥ 50 %, p99 < 50 ms",
    fractionTarget: true,
    latency: ["p99"],
    checks: [fraction(0.5), below("p99", 50)],
  },
  {
    label: "add to cart, a new guest cart each",
    scenario: "cart-new",
    target: "≥ 20 %",
    fractionTarget: true,
    checks: [fraction(0.2)],
  },
  {
    label: "20 connections adding to one cart",
    scenario: "cart-hot",
    target: "≥ 10 %, 0 errors",
    fractionTarget: true,
    checks: [fraction(0.1), noErrors],
  },
  {
    label: "full checkout, serial (flows/s; latency per 5-call flow)",
    scenario: "checkout-flow",
    unit: "flows/s",
    target: "p50 < 35 ms; ≥ 60 orders/s at 10 connections",
    latency: ["p50"],
    checks: [below("p50", 35), rate(60, "orders/s at 10 connections", { scenario: "checkout" })],
  },
  {
    label: "search over 100,000 products, 20 connections",
    scenario: "search",
    target: "p95 < 50 ms",
    latency: ["p50", "p95"],
    checks: [below("p95", 50)],
  },
  {
    label: "one SKU, 8 shards vs one object (8 shards' req/s; ratio alternated)",
    scenario: "reserve-pair",
    target: "≥ 1× locally",
    shardRatio: true,
    checks: [
      {
        what: "8 shards ≥ 1× one object",
        value: (s) => s.shardRatio?.deep,
        ok: (v) => v >= 1,
        text: (v) => `${v}× one object, deep stock (target ≥ 1×)`,
      },
    ],
  },
  {
    label: "notification consumer (events/s; enqueue → inbox)",
    scenario: "notifications",
    unit: "events/s",
    target: "≥ 1,000 events/s, enqueue → inbox p95 < 2 s",
    latency: ["p95"],
    checks: [
      rate(1000, "events/s", { value: (s) => s.notifications?.eventsPerSecond ?? s.requestsPerSecond?.average }),
      below("p95", 2000, { label: "enqueue → inbox p95" }),
    ],
  },
  {
    label: "chat fan-out to 1,000 members (msg/s sustained; delivery latency)",
    scenario: "chat",
    unit: "msg/s",
    target: "p99 < 50 ms at 100 messages/s per room",
    latency: ["p99"],
    checks: [
      // The rate the latency phase asked for, or what it sent when that was less (a room that falls
      // behind; chat-fanout.mjs's sentPerSecond where it reports it): 1 % below 100 is the send timer's jitter.
      {
        what: "latency measured at 100 messages/s",
        value: (s) => {
          const phase = s.chat?.latencyPhase;
          return phase ? Math.min(phase.rate, phase.sentPerSecond ?? phase.rate) : undefined;
        },
        ok: (v) => v >= 99,
        text: (v) => `latency measured at ${v} messages/s (target: at 100)`,
      },
      {
        what: "delivery p99 < 50 ms",
        value: (s) => s.chat?.latencyPhase?.latencyMs?.p99 ?? s.latencyMs?.p99,
        ok: (v) => v < 50,
        text: (v) => `delivery p99 ${ms(v)} (target < 50 ms)`,
      },
      {
        what: "every delivery arrived",
        value: (s) => s.chat?.latencyPhase?.lostDeliveries,
        ok: (v) => v === 0,
        text: (v) =>
          `${v.toLocaleString("en-US")} deliveries not arrived 10 s after the phase (the client fell behind; messages are stored)`,
      },
    ],
  },
];
