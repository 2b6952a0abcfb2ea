// A web-test-runner reporter that ends the run with one line per engine and one total, and lists
import { relative } from 'node:path';
// every test an engine did not run (a skip says which engine it needs and why in its title).
// `.ci/run` reads the `browser tests:` line; the runner's own progress lines are per engine.

function* tests(results, path = []) {
  for (const test of results?.tests ?? []) yield { name: [...path, test.name].join(' > '), ...test };
  for (const suite of results?.suites ?? []) yield* tests(suite, [...path, suite.name]);
}

export function engineSummary() {
  return {
    onTestRunFinished({ sessions }) {
      const engines = new Map();
      const skipped = [];
      for (const session of sessions) {
        const name = session.browser.name;
        const count = engines.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
        engines.set(name, count);
        let failed = 0;
        for (const test of tests(session.testResults)) {
          if (test.skipped) {
            count.skipped++;
            skipped.push(`  ${name}: ${relative(process.cwd(), session.testFile)} — ${test.name}`);
          } else if (test.passed) count.passed++;
          else failed++;
        }
        // A file that did not load, or a failing hook, fails with no failed test in it: count one.
        count.failed += failed || (session.passed ? 0 : 1);
      }
      const total = { passed: 0, failed: 0, skipped: 0 };
      const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;
      console.log('');
      for (const [name, count] of engines) {
        console.log(`${name}: ${line(count)}`);
        for (const key of Object.keys(total)) total[key] += count[key];
      }
      if (skipped.length) console.log(`Not run (${skipped.length}):\n${skipped.join('\n')}`);
      console.log(`browser tests: ${line(total)}`);
    },
  };
}
