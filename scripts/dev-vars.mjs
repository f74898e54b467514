import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Parses a dotenv-style file (KEY=value lines, # comments). */
export function parseDevVars(text) {
  const vars = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match) continue;
    let value = match[2];
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    vars[match[1]] = value;
  }
  return vars;
}

/** .dev.vars.example, overridden line by line by a local .dev.vars when there is one. */
export function localVars() {
  const example = parseDevVars(readFileSync(new URL("../.dev.vars.example", import.meta.url), "utf8"));
  const localPath = new URL("../.dev.vars", import.meta.url);
  const local = existsSync(localPath) ? parseDevVars(readFileSync(localPath, "utf8")) : {};
  return { ...example, ...local };
}
