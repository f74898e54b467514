import { describe, expect, inject, it } from "vitest";
import { seededAdmin } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, contextAs, signIn } from "./people";

// The operator console's admin pages: the seeded admin finds a person by their phone number and
// suspends them (their token stops working), then reinstates them; the dead-letter page lists.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("operator console: users and dead letters", () => {
  it("the seeded admin finds a person by phone, suspends them with a reason, and reinstates them", async () => {
    const person = await signIn("Suspect");
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops");
    await page.getByRole("link", { name: "Users" }).click();
    await page.getByLabel("Phone (+66…), email or user id").fill(`+66${person.localPhone.slice(1)}`);
    await page.getByRole("button", { name: "Find" }).click();
    await expect.poll(() => page.getByTestId("ops-user-status").textContent()).toBe("Active");
    await page.getByLabel("Reason for suspending").fill("Spam reports");
    await page.getByRole("button", { name: "Suspend" }).click();
    await expect.poll(() => page.getByTestId("ops-user-status").textContent()).toBe("Suspended");
    const me = await fetch(`${base}/api/v1/users/me`, { headers: { Authorization: `Bearer ${person.token}` } });
    expect(me.status).toBe(401);
    await page.getByRole("button", { name: "Reinstate" }).click();
    await expect.poll(() => page.getByTestId("ops-user-status").textContent()).toBe("Active");
    // A q that is no phone, email or id: the server's detail is shown.
    await page.getByLabel("Phone (+66…), email or user id").fill("somchai");
    await page.getByRole("button", { name: "Find" }).click();
    await expect.poll(() => page.getByText(/phone number in international form/).count()).toBeGreaterThan(0);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("the dead-letter page lists what was given up (or says there is none)", async () => {
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/ops/dead-letters");
    await expect
      .poll(
        async () =>
          (await page.getByTestId("ops-dead-letter").count()) +
          (await page.getByText("No dead letters. Every event was applied.").count()),
      )
      .toBeGreaterThan(0);
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });
});
