import { browser } from 'wxt/browser';
import { createPurchaserService } from '../../lib/background/purchaser-service';
import { demoOrgSource } from '../../lib/org/source';
import { SeatkeeperDb } from '../../lib/store/db';

export default defineBackground({
  type: 'module',
  main() {
    const service = createPurchaserService({
      db: new SeatkeeperDb(),
      orgSource: demoOrgSource,
      now: () => new Date().toISOString(),
      newId: () => crypto.randomUUID(),
    });
    // Answered through sendResponse (returning true) rather than a returned promise: both Chrome and
    // Firefox support it.
    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      service.handle(message).then(sendResponse);
      return true;
    });
  },
});
