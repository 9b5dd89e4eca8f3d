import { render } from 'preact';
import '../../components/styles.css';
import { ToastProvider } from '../../components/Toast';
import { undoLastCommand } from '../../extension/ui/messaging';
import { OrganizationProvider } from '../../extension/ui/organization';
import { ReadOnlyProvider } from '../../extension/ui/read-only';
import { App } from '../../extension/options/App';

render(
  <ToastProvider undo={undoLastCommand}>
    <ReadOnlyProvider>
      <OrganizationProvider>
        <App />
      </OrganizationProvider>
    </ReadOnlyProvider>
  </ToastProvider>,
  document.getElementById('app')!,
);
