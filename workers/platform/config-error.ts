import type { z } from "zod";

/** One variable whose value is not allowed, with what is. */
export interface ConfigProblem {
  variable: string;
  value: string;
  /** What the variable allows, e.g. "an integer from 1 to 100". */
  allowed: string;
  /** The validator's own words (e.g. why a maximum exists). */
  reason: string;
}

/** The configuration holds a value out of range: named, with the range, so an operator can fix it. */
export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super(
      `Misconfigured: ${problems
        .map((p) => `${p.variable} is ${JSON.stringify(p.value)} but must be ${p.allowed} (${p.reason})`)
        .join("; ")}. Fix the variable in wrangler.toml or .dev.vars and redeploy.`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** Each variable the schema refused, with its value and what its schema's description says it allows. */
export function describeProblems(env: Env, error: z.ZodError, schemas: Record<string, z.ZodType>): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const issue of error.issues) {
    const variable = String(issue.path[0] ?? "");
    if (seen.has(variable)) continue;
    seen.add(variable);
    const value = (env as unknown as Record<string, unknown>)[variable];
    problems.push({
      variable,
      value: String(value).slice(0, 100),
      allowed: schemas[variable]?.description ?? "a valid value",
      reason: issue.message,
    });
  }
  return problems;
}
