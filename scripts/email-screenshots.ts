// Developer tool: every email template rendered at phone width (390 px) in headless Chromium, to look at
// what a reader sees.   npx tsx scripts/email-screenshots.ts [outDir=.data/email-screenshots]
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import { render } from "@react-email/components";
import { createElement, type ComponentType } from "react";
import AdminDigestEmail from "../emails/admin-digest";
import AppClientExpiryEmail from "../emails/app-client-expiry";
import AuthorizationRevokedEmail from "../emails/authorization-revoked";
import ConnectedEmail from "../emails/connected";
import InactivityReminderEmail from "../emails/inactivity-reminder";
import MagicLinkEmail from "../emails/magic-link";
import ReauthorizationNeededEmail from "../emails/reauthorization-needed";
import RenewalReminderEmail from "../emails/renewal-reminder";

function shot<P extends object>(name: string, template: ComponentType<P> & { PreviewProps: NoInfer<P> }, overrides: Partial<NoInfer<P>> = {}) {
  return { name, element: createElement(template as ComponentType<P>, { ...template.PreviewProps, ...overrides }) };
}

const emails = [
  shot("magic-link", MagicLinkEmail),
  shot("connected", ConnectedEmail),
  shot("connected-renewed", ConnectedEmail, { reauthorized: true }),
  shot("renewal-reminder-60", RenewalReminderEmail, { daysLeft: 60 }),
  shot("renewal-reminder-7", RenewalReminderEmail, { daysLeft: 6 }),
  shot("renewal-reminder-today", RenewalReminderEmail, { daysLeft: 0 }),
  shot("inactivity-reminder", InactivityReminderEmail),
  shot("authorization-revoked", AuthorizationRevokedEmail),
  shot("authorization-revoked-by-partner", AuthorizationRevokedEmail, { reason: "partner_disconnected" }),
  shot("reauthorization-needed-overdue", ReauthorizationNeededEmail),
  shot("reauthorization-needed-paused", ReauthorizationNeededEmail, { reason: "paused" }),
  shot("reauthorization-needed-requested", ReauthorizationNeededEmail, { reason: "requested" }),
  shot("client-secret-expiry", AppClientExpiryEmail),
  shot("charge-method-expiry", AppClientExpiryEmail, { kind: "charge_method", daysLeft: 7 }),
  shot("admin-digest", AdminDigestEmail),
];

const outDir = process.argv[2] ?? ".data/email-screenshots";
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
for (const email of emails) {
  await page.setContent(await render(email.element), { waitUntil: "load" });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  const out = path.join(outDir, `${email.name}.png`);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`${out}${overflow ? "  (WARNING: wider than the phone)" : ""}`);
}
await browser.close();
