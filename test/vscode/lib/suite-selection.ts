// Chooses the suites that a runner runs, from test/integration/suites.ts and the --suite options.
import { INTEGRATION_SUITES, type IntegrationSuite } from '../../integration/suites';
import { listTestSources, SUITE_SOURCE_DIR } from './build-tests';
import { RunnerError } from './runner-error';

/** Fails when a test file belongs to no suite, so that no test is silently skipped. */
export function checkSuiteCoverage(suites: IntegrationSuite[] = INTEGRATION_SUITES): void {
  const claimed = new Set(suites.flatMap((suite) => suite.files));
  const unclaimed = listTestSources(SUITE_SOURCE_DIR).filter((file) => !claimed.has(file));

  if (unclaimed.length > 0) {
    const list = unclaimed.map((file) => `test/integration/suite/${file}`).join(', ');
    throw new RunnerError(`these test files belong to no suite; add them to test/integration/suites.ts: ${list}`);
  }
}

/** Returns the named suites in the order given, or every suite when no name is given. */
export function selectSuites(names: string[], suites: IntegrationSuite[] = INTEGRATION_SUITES): IntegrationSuite[] {
  if (names.length === 0) {
    return suites;
  }

  return names.map((name) => {
    const suite = suites.find((candidate) => candidate.name === name);
    if (!suite) {
      const known = suites.map((candidate) => candidate.name).join(', ');
      throw new RunnerError(`unknown suite '${name}'; the suites in test/integration/suites.ts are: ${known}`);
    }
    return suite;
  });
}
