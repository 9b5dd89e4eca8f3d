import '../../components/styles.css';
import { PAGE, readFirstScreen } from '../../extension/popup/first-screen';
import { mountPopup } from '../../extension/popup/mount';

/**
 * How long the popup waits for its first screen's data before rendering without it. The read takes
 * tens of milliseconds; a database that does not answer (an upgrade blocked elsewhere) gets the
 * loading state and the live queries instead of a blank popup.
 */
const FIRST_SCREEN_WAIT_MS = 250;

void Promise.race([
  readFirstScreen(PAGE).catch(() => undefined),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
]).then((first) => mountPopup(document.getElementById('app')!, first));
