import { render } from 'preact';
import '../../components/styles.css';
import { ToastProvider } from '../../components/Toast';
import { App } from '../../extension/options/App';

render(
  <ToastProvider>
    <App />
  </ToastProvider>,
  document.getElementById('app')!,
);
