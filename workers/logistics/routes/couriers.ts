import type { RouteHandler } from "@hono/zod-openapi";
import { CourierListSchema, CourierQuerySchema } from "../../../schemas/logistics";
import type { AppEnv } from "../../app-env";
import { defineRoute, jsonResponse } from "../../platform/openapi";
import { enabledCouriers } from "../couriers";

export const couriersRoute = defineRoute({
  method: "get",
  path: "/api/v1/couriers",
  tags: ["Logistics"],
  summary: "Couriers switched on here, optionally only those serving a country",
  description:
    "Each service says whether it collects cash on delivery (`cod`) in the asked country (without `country`: in any). The sandbox courier is listed only where COURIER_SANDBOX is on (local).",
  request: { query: CourierQuerySchema },
  responses: { 200: jsonResponse("Couriers", CourierListSchema) },
});

export const couriersHandler: RouteHandler<typeof couriersRoute, AppEnv> = async (c) => {
  const { country } = c.req.valid("query");
  const config = c.get("config");
  const codHere = (codCountries: readonly string[]) =>
    country
      ? codCountries.includes(country) && config.logistics.codCountries.includes(country)
      : codCountries.some((cc) => config.logistics.codCountries.includes(cc));
  const items = enabledCouriers(config)
    .filter((info) => !country || info.countries.includes(country))
    .map((info) => ({
      id: info.id,
      name: info.name,
      countries: [...info.countries],
      services: info.services.map((s) => ({ code: s.code, name: s.name, cod: codHere(s.codCountries) })),
    }));
  return c.json({ items }, 200);
};
