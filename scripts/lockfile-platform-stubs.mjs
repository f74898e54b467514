// The npm registry this project is installed from carries only some platforms' builds of a few
// native packages (biome, workerd). `npm install` then leaves those optional dependencies out of
// package-lock.json, and `npm ci` refuses the lock as out of sync. This adds lock entries for them,
// marked optional and limited to their platform, so npm ci skips them here and installs them where
// they exist. Run it after `npm install` changes the lock: `node scripts/lockfile-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const id = name.split("/").pop();
  const os = /darwin/.test(id)
    ? "darwin"
    : /win32|windows/.test(id)
      ? "win32"
      : /android/.test(id)
        ? "android"
        : /freebsd/.test(id)
          ? "freebsd"
          : "linux";
  const cpu = /arm64|aarch64/.test(id) ? "arm64" : /ia32/.test(id) ? "ia32" : /arm\b|-arm$/.test(id) ? "arm" : "x64";
  return { os: [os], cpu: [cpu], ...(/musl/.test(id) ? { libc: ["musl"] } : {}) };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = location === "" ? "" : `${location}/`;
    const candidates = [`${parentDir}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    packages[`node_modules/${dep}`] = {
      version,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platformOf(dep),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile-platform-stubs: added ${added} platform-only optional entries`);
