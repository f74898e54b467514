// `npm run deploy [-- --env staging|production]`: apply D1 migrations remotely, then wrangler deploy.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildWeb } from "./build-web.mjs";
import { ROOT } from "./dev-vars.mjs";

const args = process.argv.slice(2);
const envIndex = args.indexOf("--env");
const envArgs = envIndex >= 0 ? ["--env", args[envIndex + 1]] : [];
const wrangler = join(ROOT, "node_modules/.bin/wrangler");
const run = (argv) => {
  const result = spawnSync(wrangler, argv, { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

await buildWeb();
run(["d1", "migrations", "apply", "DB", "--remote", ...envArgs]);
run(["deploy", ...args]);
