// Accessibility checks shared by the specs: axe (WCAG 2.1 A/AA rules) on the page as it is now, and
// keyboard-only movement that also proves focus is visible where it lands.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** The impacts the suite refuses. Moderate and minor findings are reported by axe but do not fail a page. */
const REFUSED_IMPACTS = new Set(["serious", "critical"]);

export interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Runs axe on what `page` shows now; returns its serious and critical violations, each with where it is. */
export async function seriousViolations(page: Page, label: string, options: { include?: string } = {}): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
  if (options.include) builder = builder.include(options.include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => REFUSED_IMPACTS.has(v.impact ?? ""))
    .map((v) => ({ page: label, rule: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

export function formatFindings(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.page}: [${f.impact}] ${f.rule} — ${f.help}\n    ${f.targets.join("\n    ")}`).join("\n");
}

/** Whether the focused element shows a focus indicator: an outline, a ring (box-shadow), or one on its label. */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const shows = (node: Element | null) => {
      if (!node) return false;
      const style = getComputedStyle(node);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
      return outline || (style.boxShadow !== "none" && style.boxShadow !== "");
    };
    return shows(element) || shows(element.closest("label")) || shows(element.parentElement);
  });
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, at most `maxPresses` times, and
 * checks the focus can be seen there. Fails when the keyboard cannot reach it.
 */
export async function tabTo(page: Page, target: Locator, options: { maxPresses?: number; backwards?: boolean } = {}): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error("tabTo: the target is not on the page");
  for (let i = 0; i < (options.maxPresses ?? 80); i++) {
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
    if (await handle.evaluate((el) => el === document.activeElement)) {
      expect(await focusIsVisible(page), "the focused element shows a focus indicator").toBe(true);
      return;
    }
  }
  throw new Error(`tabTo: the keyboard never reached ${target.toString()}`);
}
