import { render } from 'preact';
import '../../components/styles.css';
import { ToastProvider } from '../../components/Toast';
import { undoLastCommand } from '../../extension/ui/messaging';
import { ReadOnlyProvider } from '../../extension/ui/read-only';
import { App } from '../../extension/popup/App';

render(
  <ToastProvider undo={undoLastCommand}>
    <ReadOnlyProvider>
      <App />
    </ReadOnlyProvider>
  </ToastProvider>,
  document.getElementById('app')!,
);
