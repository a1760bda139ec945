import { chromium } from "@playwright/test";
import { utimesSync, writeFileSync, readFileSync } from "node:fs";
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const page = await browser.newPage();
let navs = 0;
page.on("request", (r) => { if (r.isNavigationRequest() || r.url().includes("_rsc")) console.log(Date.now(), "req", r.url()); });
page.on("console", (m) => console.log(Date.now(), "console", m.text().slice(0,120)));
await page.goto(url, { timeout: 300000 });
await page.waitForTimeout(6000);
for (const f of process.argv.slice(3)) {
  console.log(Date.now(), "touch", f);
  const now = new Date(); utimesSync(f, now, now);
  writeFileSync(f, readFileSync(f));
  await page.waitForTimeout(5000);
}
await browser.close();
