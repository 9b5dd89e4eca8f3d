import { render } from 'preact';
import '../ui/styles.css';
import { ToastProvider } from '../ui/components/Toast';
import { App } from './App';

render(
  <ToastProvider>
    <App />
  </ToastProvider>,
  document.getElementById('app')!,
);
