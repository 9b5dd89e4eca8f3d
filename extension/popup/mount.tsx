import { render } from 'preact';
import { ToastProvider } from '../../components/Toast';
import { undoLastCommand } from '../ui/messaging';
import { MetaSeedProvider } from '../ui/meta';
import { OrganizationProvider } from '../ui/organization';
import { ReadOnlyProvider } from '../ui/read-only';
import { App } from './App';
import type { FirstScreen } from './first-screen';

/** Renders the popup into `root`, opening on `first` when it was read in time. */
export function mountPopup(root: HTMLElement, first: FirstScreen | undefined): void {
  render(
    <MetaSeedProvider seed={first?.meta}>
      <ToastProvider undo={undoLastCommand}>
        <ReadOnlyProvider>
          <OrganizationProvider>
            <App firstList={first?.list} />
          </OrganizationProvider>
        </ReadOnlyProvider>
      </ToastProvider>
    </MetaSeedProvider>,
    root,
  );
}
