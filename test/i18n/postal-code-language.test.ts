import { describe, expect, it } from "vitest";
import { fil } from "../../workers/i18n/problems/fil";
import { id } from "../../workers/i18n/problems/id";
import { ms } from "../../workers/i18n/problems/ms";
import { th } from "../../workers/i18n/problems/th";
import { vi } from "../../workers/i18n/problems/vi";
import { createShop } from "../catalog/helpers";
import { register } from "../support/accounts";
import { call, expectProblem, patch, post } from "../support/http";

// A postal code that is not of its country: the 422's detail, and the field message the web app
// shows under the field, are one whole sentence in the caller's language, the example code its
// only value (an English format hint once sat inside the translated sentence).

const THAI = { headers: { "Accept-Language": "th" } };
/** What the sentence may hold besides Thai: the example code, digits and punctuation; no Latin letter. */
const withoutExample = (text: string) => text.replace("10110", "");

const PICKUP = { street: "99/9 Sukhumvit Soi 11", city: "Khlong Toei Nuea, Watthana", province: "Bangkok" };

describe("a postal code not of its country, in the caller's language", () => {
  it("a Thai seller's pickup address: Thai from end to end, the example its one value", async () => {
    const owner = await register({ country: "TH" });
    const shop = await createShop(owner.accessToken, "TH", {
      contact: { phone: "02 123 4567", pickupAddress: { ...PICKUP, postalCode: "10110" } },
    });
    const problem = await expectProblem(
      await patch(
        `/api/v1/shops/${shop.id}`,
        { contact: { phone: "02 123 4567", pickupAddress: { ...PICKUP, postalCode: "1011" } } },
        { token: owner.accessToken, ...THAI },
      ),
      422,
      "validation_failed",
    );
    expect(problem.detail).toContain("รหัสไปรษณีย์");
    expect(problem.detail).toContain("10110");
    expect(withoutExample(problem.detail)).not.toMatch(/[A-Za-z]/);
    expect(problem.errors).toEqual([{ path: "contact.pickupAddress.postalCode", message: problem.detail }]);
  });

  it("a delivery address in a Thai buyer's address book: the same sentence, in Thai", async () => {
    const buyer = await register({ country: "TH", locale: "th" });
    const problem = await expectProblem(
      await post(
        "/api/v1/users/me/addresses",
        {
          recipientName: "Somchai",
          phone: "081 234 5678",
          street: PICKUP.street,
          city: PICKUP.city,
          province: PICKUP.province,
          postalCode: "ABCDE",
          country: "TH",
        },
        { token: buyer.accessToken, headers: { "Accept-Language": "*" } },
      ),
      422,
      "validation_failed",
    );
    expect(withoutExample(problem.detail)).not.toMatch(/[A-Za-z]/);
    expect(problem.errors).toEqual([{ path: "postalCode", message: problem.detail }]);
  });

  const TABLES = { th, id, ms, fil, vi };
  const SENTENCES = {
    TH: ["That postal code does not exist in Thailand: use 5 digits, e.g. {0} (Bangkok).", "10110"],
    SG: ["That postal code does not exist in Singapore: use 6 digits, e.g. {0}.", "018956"],
    ID: ["That postal code does not exist in Indonesia: use 5 digits, e.g. {0} (Central Jakarta).", "10110"],
    MY: ["That postal code does not exist in Malaysia: use 5 digits, e.g. {0} (Kuala Lumpur).", "50450"],
    PH: ["That postal code does not exist in the Philippines: use 4 digits, e.g. {0} (Manila).", "1000"],
    VN: ["That postal code does not exist in Vietnam: use 5 digits, e.g. {0} (Ho Chi Minh City).", "70000"],
  } as const;

  it("every country's sentence in each of the six languages, for a delivery address priced by POST /shipping/rates", async () => {
    for (const [country, [english, example]] of Object.entries(SENTENCES)) {
      for (const locale of ["en", ...Object.keys(TABLES)] as const) {
        const res = await call("POST", "/api/v1/shipping/rates", {
          body: { destination: { country, postalCode: "123" } },
          headers: { "Accept-Language": locale },
        });
        const problem = await expectProblem(res, 422, "validation_failed");
        const template = locale === "en" ? english : TABLES[locale as keyof typeof TABLES][english];
        expect(problem.detail, `${country} in ${locale}`).toBe(template.replace("{0}", example));
        expect(problem.errors).toEqual([{ path: "destination.postalCode", message: problem.detail }]);
        // Filipino writes "postal code" too; the rest of the English sentence is nowhere.
        if (locale !== "en") expect(problem.detail).not.toMatch(/does not exist|digits|e\.g\./);
      }
    }
  });
});
