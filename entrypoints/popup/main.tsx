import { render } from 'preact';
import '../../components/styles.css';
import { ToastProvider } from '../../components/Toast';
import { undoLastCommand } from '../../extension/ui/messaging';
import { MetaSeedProvider } from '../../extension/ui/meta';
import { ReadOnlyProvider } from '../../extension/ui/read-only';
import { App, PAGE } from '../../extension/popup/App';
import { readFirstScreen, type FirstScreen } from '../../extension/popup/first-screen';

/**
 * How long the popup waits for its first screen's data before rendering without it. The read takes
 * tens of milliseconds; a database that does not answer (an upgrade blocked elsewhere) gets the
 * loading state and the live queries instead of a blank popup.
 */
const FIRST_SCREEN_WAIT_MS = 250;

function show(first: FirstScreen | undefined) {
  render(
    <MetaSeedProvider seed={first?.meta}>
      <ToastProvider undo={undoLastCommand}>
        <ReadOnlyProvider>
          <App firstList={first?.list} />
        </ReadOnlyProvider>
      </ToastProvider>
    </MetaSeedProvider>,
    document.getElementById('app')!,
  );
}

void Promise.race([
  readFirstScreen(PAGE).catch(() => undefined),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
]).then(show);
