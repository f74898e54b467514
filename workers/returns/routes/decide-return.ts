import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ReturnDecisionSchema, ReturnSchema } from "../../../schemas/returns";
import type { AppEnv } from "../../app-env";
import { requireAuth } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonResponse } from "../../platform/openapi";
import { drainSoon } from "../../platform/outbox";
import { returnForShop } from "../access";
import { decideReturn } from "../decide";
import { presentReturn } from "../present";

const decisionRoute = <P extends "approve" | "reject">(path: P, summary: string) =>
  defineRoute({
    method: "post",
    path: `/api/v1/returns/{id}/${path}` as `/api/v1/returns/{id}/${P}`,
    tags: ["Returns"],
    summary,
    description:
      "Only a requested return; any other (or a second decision) is 409 invalid_transition. The note is shown to the buyer.",
    security: bearerAuth,
    middleware: [requireAuth] as const,
    request: {
      params: IdParamSchema,
      body: { required: false, content: { "application/json": { schema: ReturnDecisionSchema } } },
    },
    responses: { 200: jsonResponse("The return", ReturnSchema) },
    errors: [401, 403, 404, 409],
  });

export const approveReturnRoute = decisionRoute(
  "approve",
  "Approve a return (the shop's owner): the buyer sends the items back",
);
export const rejectReturnRoute = decisionRoute("reject", "Reject a return with a note (the shop's owner)");

const decisionHandler =
  (decision: "approved" | "rejected"): RouteHandler<typeof approveReturnRoute, AppEnv> =>
  async (c) => {
    const standing = await returnForShop(c, c.req.valid("param").id);
    const body = c.req.valid("json") as { note?: string } | undefined;
    const ret = await decideReturn(c.env, standing, decision, body?.note);
    drainSoon(c.executionCtx, c.env, c.get("config"));
    return c.json(presentReturn(ret, standing.order.number), 200);
  };

export const approveReturnHandler = decisionHandler("approved");
export const rejectReturnHandler = decisionHandler("rejected") as unknown as RouteHandler<
  typeof rejectReturnRoute,
  AppEnv
>;
