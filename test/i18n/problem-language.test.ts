import { describe, expect, it } from "vitest";
import { translateDetail } from "../../workers/i18n/problem-details";
import { fil } from "../../workers/i18n/problems/fil";
import { id } from "../../workers/i18n/problems/id";
import { ms } from "../../workers/i18n/problems/ms";
import { th } from "../../workers/i18n/problems/th";
import { vi } from "../../workers/i18n/problems/vi";
import { register } from "../support/accounts";
import { call, expectProblem, get, post } from "../support/http";

const MISSING = "Nothing exists at {0}. See /docs for the API's paths.";
const TABLES = { th, id, ms, fil, vi };

describe("problem details in the caller's language", () => {
  for (const [locale, table] of Object.entries(TABLES)) {
    it(`answers in ${locale} from Accept-Language, with the same code`, async () => {
      const res = await call("GET", "/api/v1/no-such-place", { headers: { "Accept-Language": `${locale},en;q=0.5` } });
      const problem = await expectProblem(res, 404, "not_found");
      expect(problem.detail).toBe(table[MISSING].replace("{0}", "/api/v1/no-such-place"));
      expect(problem.detail).not.toContain("Nothing exists");
      expect(res.headers.get("Content-Language")).toBe(locale);
    });
  }

  it("answers in English when the request names no language it can use", async () => {
    const res = await call("GET", "/api/v1/no-such-place", { headers: { "Accept-Language": "de-DE" } });
    const problem = await expectProblem(res, 404, "not_found");
    expect(problem.detail).toBe("Nothing exists at /api/v1/no-such-place. See /docs for the API's paths.");
  });

  it("prefers ?locale= to Accept-Language", async () => {
    const res = await call("GET", "/api/v1/no-such-place?locale=vi", { headers: { "Accept-Language": "th" } });
    const problem = await expectProblem(res, 404, "not_found");
    expect(problem.detail).toBe(vi[MISSING].replace("{0}", "/api/v1/no-such-place"));
  });

  it("uses the account's language when the request names none", async () => {
    const account = await register({ country: "ID", locale: "id" });
    const res = await get("/api/v1/no-such-place", { token: account.accessToken, headers: { "Accept-Language": "*" } });
    const problem = await expectProblem(res, 404, "not_found");
    expect(problem.detail).toBe(id[MISSING].replace("{0}", "/api/v1/no-such-place"));
  });

  it("shows the country's phone format, with its example numbers, in Thai", async () => {
    const res = await post(
      "/api/v1/auth/otp/request",
      { phone: "12345", country: "TH" },
      { headers: { "Accept-Language": "th" } },
    );
    const problem = await expectProblem(res, 422, "invalid_phone");
    const english = "That is not a valid phone number for {0}. Enter a mobile number of {1} such as {2} or {3}.";
    const values = ["TH", "TH", "081 234 5678", "+66 81 234 5678"];
    expect(problem.detail).toBe(th[english].replace(/\{(\d)\}/g, (_, n) => values[Number(n)]));
  });

  it("puts each value back where the translation wants it, whatever the order", () => {
    const english = "This shop sells in {0}, so prices must be in {1}, not {2}.";
    const detail = "This shop sells in THB, so prices must be in THB, not VND.";
    for (const [locale, table] of Object.entries(TABLES)) {
      const translated = translateDetail(detail, locale as keyof typeof TABLES);
      expect(translated).toBe(table[english].replace("{0}", "THB").replace("{1}", "THB").replace("{2}", "VND"));
    }
  });

  it("leaves a detail it does not know in English rather than guessing", () => {
    expect(translateDetail("A sentence no table holds.", "th")).toBe("A sentence no table holds.");
  });
});
