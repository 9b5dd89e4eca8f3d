import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Prints exactly one line after the whole run, counting test cases across every project:
 * `N passed, N failed` (and `, N skipped` when some were skipped or marked todo).
 *
 * An error outside any test (a file that does not load, a `beforeAll` that throws, an unhandled
 * error, a global setup such as the e2e build that fails) counts as one more failure, so the line
 * never says "0 failed" for a red run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.errors().length > 0) failed++;
      for (const suite of mod.children.allSuites()) if (suite.errors().length > 0) failed++;
    }
    // A run that failed before any test could (a global setup that threw: the build) is one failure.
    if (reason !== 'passed' && failed === 0) failed = 1;
    const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    process.stdout.write(`\n${line}\n`);
  }
}
