// The API key form's "Limit to tenants" picker, used the way a person does: open it, search, pick.
import { expect, type Page } from "@playwright/test";

/** Opens the picker, searches for `businessName` on the server, picks it and closes the picker. */
export async function chooseTenant(page: Page, businessName: string): Promise<void> {
  await page.getByRole("button", { name: /Limit to tenants/ }).click();
  const search = page.getByRole("combobox", { name: /Search tenants/ });
  await search.fill(businessName);
  const option = page.getByRole("option", { name: new RegExp(businessName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
  await option.click();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await search.press("Escape");
  await expect(page.getByRole("list", { name: "Chosen tenants" })).toContainText(businessName);
}
