import type { RouteHandler } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import { ReviewVerificationSchema, ShopVerificationRequestSchema } from "../../../schemas/shop-verification";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireRole } from "../../middleware/auth";
import { bearerAuth, defineRoute, jsonBody, jsonResponse } from "../../platform/openapi";
import { reviewVerification } from "../verification";

const review = (decision: "approve" | "reject") =>
  defineRoute({
    method: "post",
    path: `/api/v1/admin/shop-verifications/{id}/${decision}`,
    tags: ["Admin"],
    summary:
      decision === "approve"
        ? "Approve a shop's verification request: the shop becomes verified (admins)"
        : "Reject a shop's verification request with a note the owner reads (admins)",
    description:
      "Only a pending request may be decided (409 otherwise, e.g. when another admin just did). The decision is written to the audit log.",
    security: bearerAuth,
    middleware: [requireRole("admin")] as const,
    request: { params: IdParamSchema, ...jsonBody(ReviewVerificationSchema) },
    responses: { 200: jsonResponse("The decided request", ShopVerificationRequestSchema) },
    errors: [401, 403, 404, 409],
  });

export const approveVerificationRoute = review("approve");
export const rejectVerificationRoute = review("reject");

export const approveVerificationHandler: RouteHandler<typeof approveVerificationRoute, AppEnv> = async (c) =>
  c.json(
    await reviewVerification(c.env, c.req.valid("param").id, currentAuth(c).userId, "approved", c.req.valid("json")),
    200,
  );

export const rejectVerificationHandler: RouteHandler<typeof rejectVerificationRoute, AppEnv> = async (c) =>
  c.json(
    await reviewVerification(c.env, c.req.valid("param").id, currentAuth(c).userId, "rejected", c.req.valid("json")),
    200,
  );
