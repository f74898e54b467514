// The bench's report, fed recorded runs (test/bench/fixtures): issue 19's rows, the met? column,
// the previous figures and the Markdown the README takes, and the bound each scenario is a fraction
// of. Speed itself is never asserted here: only that the report says what the figures say.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { boundOf, describeNeeds } from "./primitives.mjs";
import { buildSummary, figuresOf, previousFigures, summaryMarkdown } from "./report.mjs";

// biome-ignore lint/suspicious/noExplicitAny: a recorded bench.json, as run.mjs wrote it (test/bench is plain JS)
type Figures = Record<string, any>;
type Report = Figures & { scenarios: Figures[] };

const load = (name: string): Report => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
/** This branch's first full run (primitives and bounds recorded) and main's run the same night. */
const recorded = () => load("bench-bench20-2026-12-07.json");
const mainRun = () => load("bench-main-2026-12-07.json");

const scenario = (report: Report, name: string) => report.scenarios.find((s) => s.name === name)!;
const row = (summary: ReturnType<typeof buildSummary>, name: string) => summary.rows.find((r) => r.scenario === name)!;

const ISSUE_SCENARIOS = [
  "ceiling",
  "health",
  "products-list",
  "product-detail",
  "cart-new",
  "cart-hot",
  "checkout-flow",
  "search",
  "reserve-pair",
  "notifications",
  "chat",
];

describe("issue 19's summary", () => {
  it("has one row per row of the issue, in its order, each with the issue's target", () => {
    const summary = buildSummary(recorded(), figuresOf(mainRun())!);
    expect(summary.rows.map((r) => r.scenario)).toEqual(ISSUE_SCENARIOS);
    expect(row(summary, "health").target).toBe("≥ 57 %");
    expect(row(summary, "products-list").target).toBe("≥ 50 %, p99 < 50 ms");
    expect(row(summary, "chat").target).toBe("p99 < 50 ms at 100 messages/s per room");
    expect(summary.machine.loadAverageAtStart).toEqual(recorded().machine.loadAverageAtStart);
    expect(summary.machine.loadAverageAtEnd).toEqual(recorded().loadAverageAtEnd);
  });

  it("carries each scenario's figures: req/s, both fractions, p50/p95/p99", () => {
    const report = recorded();
    const list = row(buildSummary(report, figuresOf(mainRun())!), "products-list");
    const s = scenario(report, "products-list");
    expect(list.requestsPerSecond).toBe(s.requestsPerSecond.average);
    expect(list.fractionOfCeiling).toBe(s.fractionOfCeiling);
    expect(list.fractionOfBound).toBe(s.fractionOfBound);
    expect(list.needs).toEqual({ "d1-read": 1 });
    expect(list.latencyMs).toEqual({ p50: s.latencyMs.p50, p95: s.latencyMs.p95, p99: s.latencyMs.p99 });
  });

  it("decides met? from the figures: a fraction at or above its target, a percentile below it, every check of a row", () => {
    const report = recorded();
    // As recorded (load average 11–16): only the shard row is met (8 shards 1.07× one object).
    const asRecorded = buildSummary(report, figuresOf(mainRun())!);
    expect(asRecorded.rows.filter((r) => r.met === "yes").map((r) => r.scenario)).toEqual(["reserve-pair"]);
    expect(scenario(report, "reserve-pair").shardRatio.deep).toBe(1.07);
    expect(row(asRecorded, "ceiling").met).toBe("–");
    expect(row(asRecorded, "cart-new").failed).toEqual(["1.1 % of the plain Worker (target ≥ 20 %)"]);

    scenario(report, "health").fractionOfCeiling = 0.57;
    Object.assign(scenario(report, "products-list"), {
      fractionOfCeiling: 0.6,
      latencyMs: { p50: 9, p95: 30, p99: 50 },
    });
    Object.assign(scenario(report, "product-detail"), {
      fractionOfCeiling: 0.6,
      latencyMs: { p50: 9, p95: 30, p99: 49.9 },
    });
    Object.assign(scenario(report, "cart-hot"), { fractionOfCeiling: 0.2, non2xx: 1 });
    const summary = buildSummary(report, figuresOf(mainRun())!);
    expect(row(summary, "health").met).toBe("yes");
    expect(row(summary, "product-detail").met).toBe("yes");
    expect(row(summary, "products-list").met).toBe("no");
    expect(row(summary, "products-list").failed).toEqual(["p99 50 ms (target < 50 ms)"]);
    expect(row(summary, "cart-hot").failed).toEqual(["1 errors (target 0)"]);
  });

  it("reads the chat, notification, checkout and shard rows from their own runners' metrics", () => {
    const report = recorded();
    const chat = scenario(report, "chat");
    chat.chat.latencyPhase = {
      ...chat.chat.latencyPhase,
      rate: 100,
      lostDeliveries: 0,
      latencyMs: { p50: 20, p95: 35, p99: 45 },
    };
    Object.assign(scenario(report, "notifications"), { latencyMs: { p50: 800, p95: 1900, p99: 2500 } });
    scenario(report, "notifications").notifications.eventsPerSecond = 1000;
    scenario(report, "reserve-pair").shardRatio = { deep: 1.05, low: 0.8 };
    scenario(report, "checkout").requestsPerSecond.average = 59.9;
    Object.assign(scenario(report, "checkout-flow"), { latencyMs: { p50: 30, p95: 40, p99: 50 } });
    const summary = buildSummary(report, figuresOf(mainRun())!);
    expect(row(summary, "chat").met).toBe("yes");
    expect(row(summary, "notifications").met).toBe("yes");
    expect(row(summary, "reserve-pair").met).toBe("yes");
    expect(row(summary, "checkout-flow").failed).toEqual(["59.9 orders/s at 10 connections (target ≥ 60)"]);

    chat.chat.latencyPhase.sentPerSecond = 99.4; // the send timer's jitter
    expect(row(buildSummary(report, figuresOf(mainRun())!), "chat").met).toBe("yes");
    chat.chat.latencyPhase.lostDeliveries = 1200; // a client that fell behind: not every delivery was seen
    expect(row(buildSummary(report, figuresOf(mainRun())!), "chat").failed).toEqual([
      "1,200 deliveries not arrived 10 s after the phase (the client fell behind; messages are stored)",
    ]);
    chat.chat.latencyPhase.lostDeliveries = 0;
    chat.chat.latencyPhase.sentPerSecond = 80; // a room that fell behind: not measured at 100/s
    expect(row(buildSummary(report, figuresOf(mainRun())!), "chat").failed).toEqual([
      "latency measured at 80 messages/s (target: at 100)",
    ]);
    chat.chat.latencyPhase = { ...chat.chat.latencyPhase, rate: 5, sentPerSecond: undefined };
    expect(row(buildSummary(report, figuresOf(mainRun())!), "chat").failed).toEqual([
      "latency measured at 5 messages/s (target: at 100)",
    ]);
  });

  it("says when a row was not run or failed, instead of a verdict", () => {
    const report = recorded();
    report.scenarios = report.scenarios.filter((s) => s.name !== "search");
    scenario(report, "cart-new").error = "the Worker answered 500";
    const summary = buildSummary(report, figuresOf(mainRun())!);
    expect(row(summary, "search").met).toBe("not run");
    expect(row(summary, "cart-new").met).toBe("failed");
  });

  it("puts the previous figures beside the new ones: the last run's, else issue 19's own", () => {
    const withMain = buildSummary(recorded(), figuresOf(mainRun())!);
    expect(withMain.previous).toBe("previous run, 2026-12-07T00:29:58.189Z");
    expect(row(withMain, "health").previous).toBe("901.5 req/s (32.1 %)");
    const first = buildSummary(recorded(), previousFigures("/nonexistent/bench.json"));
    expect(first.previous).toBe("issue 19 (before the performance work)");
    expect(row(first, "products-list").previous).toBe("1,327 req/s (24.9 %)");
    expect(row(first, "reserve-pair").previous).toBe("0.56×");
  });

  it("prints Markdown the README takes as it is: the machine and its load, then one table line per row", () => {
    const report = recorded();
    const markdown = summaryMarkdown(buildSummary(report, figuresOf(mainRun())!));
    const [intro, blank, header, rule, ...rest] = markdown.trimEnd().split("\n");
    expect(intro).toContain(`${report.machine.cores} cores (${report.machine.cpuModel})`);
    expect(intro).toContain(`load average ${report.machine.loadAverageAtStart[0]} at the start`);
    expect(intro).toContain(`${report.loadAverageAtEnd[0]} at the end`);
    expect(blank).toBe("");
    const cells = (line: string) => line.split(/(?<!\\)\|/).length;
    expect(cells(header)).toBe(11);
    expect(cells(rule)).toBe(11);
    expect(rest).toHaveLength(ISSUE_SCENARIOS.length);
    for (const line of rest) expect(cells(line)).toBe(11);
    expect(rest[1]).toMatch(/^\| `GET \/health` \(the whole middleware chain\) \| ≥ 57 % \| /);
    expect(rest[1]).toMatch(/\| no: \d+\.\d % of the plain Worker \(target ≥ 57 %\) \|$/);
    // A met row shows its evidence too: the shard row's own ratio.
    expect(rest[8]).toMatch(/\| 0\.99× \| yes: 1\.07× one object, deep stock \(target ≥ 1×\) \|$/);
  });
});

describe("a scenario's bound", () => {
  it("is the plain Worker's rate when the request needs no primitive", () => {
    expect(boundOf(1000, {}, {})).toBe(1000);
    expect(describeNeeds({})).toBe("nothing (the plain Worker)");
  });

  it("adds each primitive's cost beyond the plain Worker, times its count", () => {
    // 1 ms for the plain Worker, 4 ms for a D1 read (3 ms beyond it), 2 ms for an object read.
    expect(boundOf(1000, { "d1-read": 250 }, { "d1-read": 1 })).toBeCloseTo(250, 6);
    expect(boundOf(1000, { "d1-read": 250, "do-read": 500 }, { "d1-read": 2, "do-read": 1 })).toBeCloseTo(125, 6);
    expect(describeNeeds({ "d1-read": 2, "do-read": 1 })).toBe("2 d1-read + 1 do-read");
  });

  it("never counts a primitive measured faster than the plain Worker as a gain, and is unknown without a measurement", () => {
    expect(boundOf(1000, { "do-read": 1100 }, { "do-read": 1 })).toBe(1000);
    expect(boundOf(1000, {}, { "d1-read": 1 })).toBeNull();
    expect(boundOf(0, {}, {})).toBeNull();
  });

  it("is what the recorded run reports for each scenario, from the primitives measured before it", () => {
    for (const s of recorded().scenarios.filter((x) => x.needs && x.bound)) {
      const rps = Object.fromEntries(
        Object.entries(s.primitives as Record<string, { requestsPerSecond: number }>).map(([n, m]) => [
          n,
          m.requestsPerSecond,
        ]),
      );
      expect(boundOf(s.ceiling.requestsPerSecond, rps, s.needs)).toBeCloseTo(s.bound, 0);
      expect(s.fractionOfBound).toBeCloseTo(s.requestsPerSecond.average / s.bound, 2);
    }
  });
});
