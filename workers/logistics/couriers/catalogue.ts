/** The countries the platform sells in (schemas/identity.ts COUNTRIES), as couriers list them. */
export const COUNTRIES_SERVED: readonly string[] = ["TH", "SG", "ID", "MY", "PH", "VN"];
