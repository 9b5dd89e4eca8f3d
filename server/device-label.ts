/**
 * What the activity log calls a writer's device: browser and version on the system, as its user
 * agent says ("Chrome 156 on Linux"). It is the writer's word, shown as such, never a check.
 */
export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return 'unknown client';
  const browser = BROWSERS.map(([pattern, name]) => [pattern.exec(userAgent)?.[1], name] as const).find(([version]) => version);
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return userAgent.slice(0, 60);
  const name = `${browser[1]} ${browser[0]}`;
  return system ? `${name} on ${system}` : name;
}

/** Checked in order: Edge's user agent names Chrome too, Chrome's names Safari. */
const BROWSERS: readonly [RegExp, string][] = [[/\bEdg\/(\d+)/, 'Edge'], [/\bFirefox\/(\d+)/, 'Firefox'], [/Chrome\/(\d+)/, 'Chrome'], [/\bVersion\/(\d+).*Safari\//, 'Safari']];
const SYSTEMS: readonly [RegExp, string][] = [[/Windows/, 'Windows'], [/Android/, 'Android'], [/iPhone|iPad/, 'iOS'], [/Mac OS X/, 'macOS'], [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']];
