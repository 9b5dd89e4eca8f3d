import { render } from 'preact';
import '../../components/styles.css';
import { ToastProvider } from '../../components/Toast';
import { undoLastCommand } from '../../extension/ui/messaging';
import { App } from '../../extension/popup/App';

render(
  <ToastProvider undo={undoLastCommand}>
    <App />
  </ToastProvider>,
  document.getElementById('app')!,
);
