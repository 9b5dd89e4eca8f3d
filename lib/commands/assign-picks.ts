import { plural } from '../text/plural';

// Zod-free, so the popup's Assign pane and people picker check picks as the assign command does.

export const PICK_SOMEONE = 'Pick at least one person';
/** People assigned in one go. */
export const MAX_PICKS = 20;

/** Why `count` people cannot get one of `free` licenses, or undefined when they can. */
export function freeLicensesRefusal(count: number, free: number): string | undefined {
  if (count <= free) return undefined;
  return free <= 0
    ? 'No licenses are free. Add licenses or unassign someone first.'
    : `Only ${plural(free, 'license is', 'licenses are')} free. Pick up to ${plural(free, 'person', 'people')}, or add licenses first.`;
}
