/**
 * The architecture, as rules that CI enforces (`npm run depcheck`, part of `.ci/run`).
 *
 * Each folder under workers/ is a domain, except the shared mechanisms (platform, middleware,
 * i18n). A domain's `index.ts` is its public face: another domain imports only that face, and only
 * from a domain this map lets it use. The map is a one-way layering (checked acyclic below), so
 * there is no cycle between domains; the README's diagram is drawn from it (`npm run
 * depcheck:diagram` prints it, and the check fails if the README's copy differs).
 *
 * Calls that would point upward (sign-in merging the guest cart, a cancellation asking for its
 * refund) are not imports: the composition root (workers/app.ts, index.ts, queue.ts, scheduled.ts)
 * hands the lower domain a function of the upper one.
 */
const { DOMAINS, SHARED, OBJECTS } = require("./scripts/domains.cjs");

const names = Object.keys(DOMAINS);
const alt = (list) => list.join("|");

const domainRules = names.map((domain) => ({
  name: `${domain}-uses-allowed-faces`,
  comment: `${domain} may use only ${DOMAINS[domain].length ? DOMAINS[domain].join(", ") : "no other domain"}, and only through their index.ts`,
  severity: "error",
  from: { path: `^workers/${domain}/` },
  to: {
    path: "^workers/[^/]+/",
    pathNot: [
      `^workers/(${alt([domain, ...SHARED])})/`,
      ...(DOMAINS[domain].length ? [`^workers/(${alt(DOMAINS[domain])})/index\\.ts$`] : []),
    ],
  },
}));

const tableRules = names.map((domain) => ({
  name: `${domain}-uses-own-tables`,
  comment: `${domain} reads and writes only its own tables (d1/schema/${domain}.ts) and the platform's`,
  severity: "error",
  from: { path: `^workers/${domain}/` },
  to: { path: "^d1/schema/", pathNot: `^d1/schema/(${domain}|platform)\\.ts$` },
}));

const objectRules = Object.entries(OBJECTS).map(([shell, folder]) => ({
  name: `${shell.replace(/^durable-objects\/|\.ts$/g, "")}-is-a-thin-shell`,
  comment: `${shell} delegates to ${folder} (and may use the platform)`,
  severity: "error",
  from: { path: `^${shell.replace(/\./g, "\\.")}$` },
  to: { path: "^(workers|d1|schemas|durable-objects)/", pathNot: `^(${folder}|workers/platform/|schemas/)` },
}));

module.exports = {
  forbidden: [
    ...domainRules,
    ...tableRules,
    ...objectRules,
    {
      name: "no-circular",
      comment: "No module imports itself through others, within a domain or across domains.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "root-uses-faces",
      comment:
        "The composition root (workers/app.ts, index.ts, queue.ts, scheduled.ts) wires domains through their faces.",
      severity: "error",
      from: { path: "^workers/[^/]+\\.ts$" },
      to: {
        path: "^(workers/[^/]+/|d1/)",
        pathNot: [`^workers/(${alt(SHARED)})/`, "^workers/[^/]+/index\\.ts$", "^d1/schema/platform\\.ts$"],
      },
    },
    {
      name: "only-the-root-names-object-classes",
      comment: "Durable Object classes are exported by workers/index.ts; code reaches objects through Env bindings.",
      severity: "error",
      from: { pathNot: "^workers/index\\.ts$" },
      to: { path: "^durable-objects/" },
    },
    {
      name: "schemas-are-the-bottom",
      comment: "schemas/ (zod: validation, OpenAPI, types) depends on nothing of ours but other schemas.",
      severity: "error",
      from: { path: "^schemas/" },
      to: { path: "^(workers|d1|durable-objects)/" },
    },
    {
      name: "tables-depend-on-schemas-only",
      severity: "error",
      from: { path: "^d1/" },
      to: { path: "^(workers|durable-objects)/" },
    },
    {
      name: "shared-mechanisms-know-no-domain",
      comment: "platform, middleware and i18n serve every domain and import none.",
      severity: "error",
      from: { path: `^workers/(${alt(SHARED)})/` },
      to: {
        path: "^(workers|d1)/",
        pathNot: [`^workers/(${alt(SHARED)})/`, "^workers/app-env\\.ts$", "^d1/schema/platform\\.ts$"],
      },
    },
    {
      name: "no-whole-schema",
      comment: "d1/schema/index.ts gathers every table for drizzle-kit and tests; code imports its own file.",
      severity: "error",
      from: { path: "^(workers|durable-objects|schemas)/" },
      to: { path: "^d1/schema/index\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|test|web|scripts)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js", ".mjs"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
