import type { Subscription } from '../../lib/subscriptions/schema';
import { AssignPane } from '../ui/features/AssignPane';
import { LicensesPane } from '../ui/features/LicensesPane';
import { UnassignPane } from '../ui/features/UnassignPane';
import { unusedRemovedTotal } from '../../lib/insights/unused-licenses';
import type { QuickAction } from './SubscriptionCard';

export function QuickActionPane({ kind, sub, onClose }: { kind: QuickAction; sub: Subscription; onClose: () => void }) {
  switch (kind) {
    case 'buy':
    case 'remove':
      return <LicensesPane sub={sub} mode={kind} onClose={onClose} />;
    case 'remove-unused':
      return <LicensesPane sub={sub} mode="remove" initialTotal={unusedRemovedTotal(sub)} onClose={onClose} />;
    case 'assign':
      return <AssignPane sub={sub} onClose={onClose} />;
    case 'unassign':
      return <UnassignPane sub={sub} onClose={onClose} />;
  }
}
