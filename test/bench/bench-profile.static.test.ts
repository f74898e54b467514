// What scripts/bench-profile.mjs prints, fed a recorded runner's result and small hand-made profiles:
// a scenario with its own runner shows that runner's figures, and self time is sampled CPU (samples ×
// the sampling interval) against the profile's duration, never the wall time between samples.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { summarise, throughputLine } from "../../scripts/bench-profile-summary.mjs";

// biome-ignore lint/suspicious/noExplicitAny: a recorded bench.json, as run.mjs wrote it (test/bench is plain JS)
type Figures = Record<string, any>;
const recorded = (): Figures[] =>
  JSON.parse(readFileSync(new URL("./fixtures/bench-main-2026-12-07.json", import.meta.url), "utf8")).scenarios;

/** A bundle line for every frame: workers/<area>/x.ts, line 1 more than the bundle's. */
const lookup = (line: number) => ({ source: `workers/${line < 100 ? "catalog" : "orders"}/x.ts`, line: line + 1 });

const frame = (functionName: string, lineNumber = -1) => ({
  functionName,
  url: lineNumber >= 0 ? "file:///bundle/index.js" : "",
  lineNumber,
  columnNumber: 0,
});

describe("bench-profile's report", () => {
  for (const name of ["chat", "notifications"]) {
    it(`prints the ${name} runner's own figures, not "undefined req/s"`, () => {
      const result = recorded().find((s) => s.name === name)!;
      const line = throughputLine(name, result, { connections: 20, target: "tchat-edge" });
      expect(line).not.toContain("undefined");
      expect(line).toContain(`${name}: ${result.requestsPerSecond.average} req/s`);
      expect(line).toContain(`p50 ${result.latencyMs.p50} ms`);
      expect(line).toContain(`${result.requests} in ${result.durationSeconds} s`);
    });
  }

  it("prints autocannon's figures for a plain scenario", () => {
    const result = { requests: { average: 812.5 }, latency: { p50: 20, p99: 61 } };
    expect(throughputLine("health", result, { connections: 20, target: "tchat-edge" })).toBe(
      "health: 812.5 req/s at 20 connections while profiled, latency p50 20 ms p99 61 ms (tchat-edge)",
    );
  });

  it("counts each sample as one interval of CPU, however long the sampler took to take the next", () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame("(root)") },
        { id: 2, callFrame: frame("listProducts", 10) },
        { id: 3, callFrame: frame("placeOrder", 200) },
        { id: 4, callFrame: frame("(idle)") },
      ],
      // 1 s profiled at 10 ms: 3 samples in listProducts, 1 in placeOrder (taken after a 500 ms stall), 2 idle.
      startTime: 0,
      endTime: 1_000_000,
      samples: [2, 2, 4, 3, 2, 4],
      timeDeltas: [10_000, 10_000, 10_000, 500_000, 10_000, 10_000],
    };
    const report = summarise(profile, lookup, 10_000);
    expect(report).toContain("CPU sampled: 40 ms (4 samples × 10000 µs) of a 1000 ms profile (4.0 %)");
    expect(report).toContain("self time by area (% of the profile's 1000 ms):");
    // 30 ms and 10 ms of a 1 s profile: the stall before placeOrder's sample is not its time.
    expect(report).toMatch(/\s3\.0 %\s+30 ms {2}workers\/catalog\n/);
    expect(report).toMatch(/\s1\.0 %\s+10 ms {2}workers\/orders\n/);
    expect(report).toMatch(/\s3\.0 %\s+30 ms {2}listProducts {2}workers\/catalog\/x\.ts:11\n/);
    expect(report).not.toContain("(idle)");
    expect(report).not.toMatch(/5\d\d ms|5\d\.\d %/);
  });
});
