/** `plural(1, 'license')` → `1 license`, `plural(5, 'license')` → `5 licenses`; irregular forms are passed in. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 || count === -1 ? one : many}`;
}
