// The ops console: platform readiness and the catalog tree, straight from the public API.
const checks = document.getElementById("checks");

async function showStatus() {
  const res = await fetch("/ready");
  const body = await res.json();
  checks.replaceChildren();
  for (const [name, check] of Object.entries({ api: { status: res.ok ? "ok" : "failed" }, ...body.checks })) {
    const dt = document.createElement("dt");
    dt.textContent = name.toUpperCase();
    const dd = document.createElement("dd");
    dd.dataset.check = name;
    dd.className = check.status;
    dd.textContent = check.latencyMs === undefined ? check.status : `${check.status} (${check.latencyMs} ms)`;
    checks.append(dt, dd);
  }
}

async function showCategories() {
  const locale = navigator.language || "en";
  const res = await fetch(`/api/v1/categories?locale=${encodeURIComponent(locale)}`);
  const { items } = await res.json();
  const list = document.getElementById("categories");
  list.replaceChildren(
    ...items.map((cat) => {
      const li = document.createElement("li");
      li.textContent = `${cat.name}${cat.children.length ? ` (${cat.children.map((c) => c.name).join(", ")})` : ""}`;
      return li;
    }),
  );
}

showStatus().catch(() =>
  checks.replaceChildren(
    Object.assign(document.createElement("dd"), { textContent: "unreachable", className: "failed" }),
  ),
);
showCategories();
