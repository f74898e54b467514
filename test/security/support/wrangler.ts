import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../../workers/index";
import wranglerToml from "../../../wrangler.toml?raw";
import { BASE } from "../../support/http";

// A deployment of wrangler.toml (production, staging) as the tests can run it: the real Worker with
// that environment's variables (its secrets stay the development ones).

export type Deployment = "production" | "staging";

/** The `[env.<name>.vars]` section of wrangler.toml: the variables that deployment runs with. */
export function deploymentVars(name: Deployment): Record<string, string> {
  const header = new RegExp(`^\\[env\\.${name}\\.vars\\]$`, "m");
  const section = wranglerToml.split(header)[1]?.split(/^\[/m)[0] ?? "";
  const vars: Record<string, string> = {};
  for (const [, key, value] of section.matchAll(/^(\w+)\s*=\s*"(.*)"\s*$/gm)) vars[key] = value;
  if (!vars.ENVIRONMENT) throw new Error(`wrangler.toml has no [env.${name}.vars] with ENVIRONMENT`);
  return vars;
}

/** One request through the real Worker running with the deployment's variables. */
export async function callDeployed(
  name: Deployment,
  method: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${BASE}${path}`, { method, ...init }),
    { ...env, ...deploymentVars(name) } as Env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}
