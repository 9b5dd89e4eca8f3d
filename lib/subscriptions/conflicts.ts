import { plural } from '../text/plural';
import type { Subscription } from './schema';
import { assignedCount } from './status';

/**
 * What the purchaser must resolve in a subscription. Each device checks its own commands, but two
 * devices editing offline can merge into a state no command would allow (one assigns 3 people while
 * the other removes 3 licenses), so the merged result is checked again wherever it is shown.
 */
export function subscriptionProblems(sub: Pick<Subscription, 'licenses' | 'assigned'>): string[] {
  const problems: string[] = [];
  const assigned = assignedCount(sub);
  if (assigned > sub.licenses) {
    const over = assigned - sub.licenses;
    problems.push(
      `${plural(assigned, 'person', 'people')} assigned but only ${plural(sub.licenses, 'license')}: unassign ${over} or buy more`,
    );
  }
  return problems;
}
