import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { AXE_PATH } from './paths';

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(AXE_PATH, 'utf8'));

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on the page and returns the serious and critical violations (empty = fine).
 *
 * axe is evaluated through the DevTools protocol rather than `page.addScriptTag({ path })`: the
 * extension pages' CSP (script-src 'self') refuses the inline <script> addScriptTag writes (and logs
 * a CSP error), and turning CSP off with `bypassCSP` would test a different page than the one shipped.
 */
export async function seriousAxeViolations(page: Page, context?: string): Promise<AxeProblem[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  // Let running animations end first (a pane slides in with its opacity rising): mid-animation
  // colours are blends that fail contrast checks nobody ever sees.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  const violations = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(ctx ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id as string,
      impact: (v.impact ?? '') as string,
      help: v.help as string,
      nodes: (v.nodes as any[]).map((n) => `${(n.target as string[]).join(' ')}: ${n.failureSummary ?? ''}`.trim()),
    }));
  }, context);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list for assertion messages. */
export function formatAxe(problems: AxeProblem[]): string {
  return problems.map((p) => `${p.impact} ${p.id}: ${p.help}\n  ${p.nodes.join('\n  ')}`).join('\n');
}
