import { HealthSchema } from "../../schemas/ops";
import { createRouter, defineRoute } from "../platform/openapi";

export const healthRoute = defineRoute({
  method: "get",
  path: "/health",
  tags: ["Ops"],
  summary: "Liveness: the Worker answers",
  responses: { 200: { description: "Alive", content: { "application/json": { schema: HealthSchema } } } },
});

export const healthRouter = createRouter().openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));
