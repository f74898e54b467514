import type { RouteHandler } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import { IdParamSchema } from "../../../schemas/identity";
import type { Locale } from "../../../schemas/platform";
import type { AppEnv } from "../../app-env";
import { COUNTRY_TIMEZONE } from "../../i18n/catalog";
import { readingPreferences } from "../../identity";
import { database } from "../../platform/db";
import { asLocale, requestLocale } from "../../platform/locale";
import { bearerAuth, defineRoute } from "../../platform/openapi";
import { shopSummary } from "../../shops";
import { orderFor } from "../access";
import { invoiceHtml } from "../invoice";
import { presentOrders } from "../present";

export const orderInvoiceRoute = defineRoute({
  method: "get",
  path: "/api/v1/orders/{id}/invoice",
  tags: ["Orders"],
  summary: "The order's invoice as printable HTML, in the reader's language",
  security: [...bearerAuth, {}],
  request: {
    params: IdParamSchema,
    query: z.object({
      locale: z
        .string()
        .max(35)
        .optional()
        .openapi({ param: { name: "locale", in: "query" } }),
    }),
  },
  responses: { 200: { description: "HTML invoice", content: { "text/html": { schema: z.string() } } } },
  errors: [403, 404],
});

export const orderInvoiceHandler: RouteHandler<typeof orderInvoiceRoute, AppEnv> = async (c) => {
  const { order } = await orderFor(c, c.req.valid("param").id);
  const db = database(c.env);
  const [presented] = await presentOrders(c.env, db, [order]);
  const shop = (await shopSummary(db, order.shopId))?.name;
  const auth = c.get("auth");
  const reader = auth ? await readingPreferences(db, auth.userId) : undefined;
  const locale: Locale = asLocale(c.req.valid("query").locale) ?? reader?.locale ?? requestLocale(c);
  const timeZone =
    reader?.timezone ?? COUNTRY_TIMEZONE[order.shippingCountry as keyof typeof COUNTRY_TIMEZONE] ?? "UTC";
  c.header("Cache-Control", "private, no-store");
  return c.html(invoiceHtml(presented, shop ?? "Tchat", locale, timeZone), 200);
};
