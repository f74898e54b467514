import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import {
  CreateRemittanceSchema,
  MismatchQuerySchema,
  MismatchReportSchema,
  RemittanceCsvQuerySchema,
  RemittanceDetailSchema,
  RemittanceListQuerySchema,
  RemittancePageSchema,
  RemittanceSchema,
} from "../../../schemas/cod-remittances";
import { IdParamSchema } from "../../../schemas/identity";
import type { AppEnv } from "../../app-env";
import { currentAuth, requireRole } from "../../middleware/auth";
import { isCsvBody, toCsv, wantsCsv } from "../../platform/csv";
import { database, nowMs } from "../../platform/db";
import { ApiError } from "../../platform/errors";
import { idempotent } from "../../platform/idempotency";
import { toMajorString } from "../../platform/money";
import { bearerAuth, defineRoute, jsonResponse, validationError } from "../../platform/openapi";
import { remittanceFromCsv } from "../remittance-csv";
import { reconcileLines } from "../remittance-lines";
import { listRemittances, mismatchReport, recordRemittance, remittanceById } from "../remittances";

const TAGS = ["Logistics"];
/** The report looks this far back unless told otherwise. */
const DEFAULT_REPORT_DAYS = 90;

export const createRemittanceRoute = defineRoute({
  method: "post",
  path: "/api/v1/admin/cod-remittances",
  tags: TAGS,
  summary: "Record a courier's cash-on-delivery remittance (admin), as JSON or the courier's CSV statement",
  description: [
    "Needs an Idempotency-Key. One remittance per courier and reference: sending it again answers the recorded one; the same reference with other items is 409. All items in one currency. Mismatches against the orders are read from /api/v1/admin/cod-remittances/mismatches.",
    "A courier's statement may be sent as it is, as CSV (`Content-Type: text/csv`, at most BULK_CSV_MAX_BYTES and BULK_CSV_MAX_ROWS lines, 500 at most): the first line names the columns `tracking_number`, `amount` (major units, e.g. 150000) and `currency` (other columns are ignored), and the query string names `courier`, `reference` and optionally `remittedAt`. Every line is checked first: any refused line is a 422 listing each refused line and field (`line.<n>.<column>`), and nothing is recorded. Other content types are 415.",
  ].join("\n\n"),
  security: bearerAuth,
  middleware: [requireRole("admin"), idempotent] as const,
  request: {
    query: RemittanceCsvQuerySchema,
    body: {
      required: false,
      content: {
        "application/json": { schema: CreateRemittanceSchema },
        "text/csv": {
          schema: { type: "string", example: "tracking_number,amount,currency\n5dd599ebdefcd4158eb8470b,500000,IDR\n" },
        },
      },
    },
  },
  responses: { 201: jsonResponse("Recorded", RemittanceSchema) },
  errors: [401, 403, 409, 413, 415],
});

export const createRemittanceHandler: RouteHandler<typeof createRemittanceRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  let input: z.infer<typeof CreateRemittanceSchema>;
  if (isCsvBody(c.req.header("content-type"))) {
    const limits = c.get("config").sellerUploads;
    input = await remittanceFromCsv({
      request: { headers: c.req.raw.headers, bytes: () => c.req.arrayBuffer() },
      ...query,
      maxBytes: limits.bulkCsvMaxBytes,
      maxRows: limits.bulkCsvMaxRows,
    });
  } else {
    // The route checked a JSON body already (and refused other types); an empty one is refused here.
    const text = await c.req.text();
    const parsed = CreateRemittanceSchema.safeParse(text ? JSON.parse(text) : undefined);
    if (!parsed.success) throw validationError(parsed.error);
    input = parsed.data;
  }
  const recorded = await recordRemittance(database(c.env), c.get("config"), input, currentAuth(c).userId);
  return c.json(recorded, 201);
};

export const listRemittancesRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/cod-remittances",
  tags: TAGS,
  summary: "Recorded cash-on-delivery remittances, newest first (admin)",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: RemittanceListQuerySchema },
  responses: { 200: jsonResponse("A page of remittances", RemittancePageSchema) },
  errors: [401, 403],
});

export const listRemittancesHandler: RouteHandler<typeof listRemittancesRoute, AppEnv> = async (c) =>
  c.json(await listRemittances(database(c.env), c.req.valid("query")), 200);

export const mismatchesRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/cod-remittances/mismatches",
  tags: TAGS,
  summary: "Cash-on-delivery parcels and remittances that do not match (admin), JSON or CSV",
  description:
    "Delivered COD parcels booked since `since` and remittance items recorded since then, matched by courier and tracking number: not_remitted, short_paid, over_paid, wrong_currency, duplicate (remitted more than once), unknown (no such parcel), cancelled, not_delivered, not_cod. `format=csv` or `Accept: text/csv` gives CSV (amounts in major units).",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { query: MismatchQuerySchema },
  responses: {
    200: {
      description: "The mismatches",
      content: { "application/json": { schema: MismatchReportSchema }, "text/csv": { schema: z.string() } },
    },
  },
  errors: [401, 403],
});

export const mismatchesHandler: RouteHandler<typeof mismatchesRoute, AppEnv> = async (c) => {
  const query = c.req.valid("query");
  const since = query.since ? Date.parse(query.since) : nowMs() - DEFAULT_REPORT_DAYS * 86_400_000;
  const report = await mismatchReport(database(c.env), { since, ...(query.courier ? { courier: query.courier } : {}) });
  c.header("Cache-Control", "private, no-store");
  if (query.format !== "csv" && (query.format === "json" || !wantsCsv(c.req.header("Accept")))) {
    return c.json(report, 200);
  }
  const csv = toCsv(
    [
      "kind",
      "courier",
      "tracking_number",
      "order",
      "shipment",
      "status",
      "expected",
      "remitted",
      "currency",
      "remittances",
    ],
    report.items.map((i) => [
      i.kind,
      i.courier,
      i.trackingNumber,
      i.orderId,
      i.shipmentId,
      i.shipmentStatus,
      i.expected ? toMajorString(i.expected) : "",
      i.remitted ? toMajorString(i.remitted) : "",
      (i.expected ?? i.remitted)?.currency,
      i.remittances.join(" "),
    ]),
  );
  return c.body(csv, 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": 'attachment; filename="cod-remittance-mismatches.csv"',
  }) as never;
};

export const getRemittanceRoute = defineRoute({
  method: "get",
  path: "/api/v1/admin/cod-remittances/{id}",
  tags: TAGS,
  summary: "One recorded remittance with its items, each checked against its parcel (admin)",
  description:
    "Each item names its parcel's order and shipment when the courier's tracking number is known, and `result`: matched (remitted once, in full) or the mismatch report's verdict for that parcel.",
  security: bearerAuth,
  middleware: [requireRole("admin")] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse("The remittance", RemittanceDetailSchema) },
  errors: [401, 403, 404],
});

export const getRemittanceHandler: RouteHandler<typeof getRemittanceRoute, AppEnv> = async (c) => {
  const found = await remittanceById(database(c.env), c.req.valid("param").id);
  if (!found) throw new ApiError("not_found", "There is no remittance with this id.");
  return c.json(await reconcileLines(database(c.env), found), 200);
};
