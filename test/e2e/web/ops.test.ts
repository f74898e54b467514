import { describe, expect, inject, it } from "vitest";
import { seededAdmin } from "./admin";
import { openPage, useBrowser } from "./browser";
import { appErrors, contextAs, signIn } from "./people";

// The operator console's frame: the seeded admin finds it from their account and reads the
// platform's readiness check by check; a signed-in person without the admin role is told why
// there is nothing for them there.

const base = inject("baseUrl");
const newContext = useBrowser(base);

describe("operator console", () => {
  it("the admin opens it from their account and sees each readiness check", async () => {
    const context = await contextAs(newContext, await seededAdmin());
    const { page, errors } = await openPage(context);
    await page.goto("/account");
    await page.getByRole("link", { name: "Operator console" }).click();
    await expect.poll(() => page.getByTestId("ops-readiness").textContent()).toBe("Ready");
    const checks = await page.locator(".ops-table tbody th").allTextContents();
    expect(checks).toContain("d1");
    await page.reload();
    await expect.poll(() => page.getByTestId("ops-readiness").textContent()).toBe("Ready");
    expect(appErrors(errors)).toEqual([]);
    await context.close();
  });

  it("someone without the admin role is told the console is for operators", async () => {
    const context = await contextAs(newContext, await signIn());
    const { page } = await openPage(context);
    await page.goto("/ops");
    await expect.poll(() => page.getByTestId("ops-not-admin").isVisible()).toBe(true);
    expect(await page.getByTestId("ops-readiness").count()).toBe(0);
    await context.close();
  });
});
