// Identity of the command-line tool, shared by --version, the help text and the SARIF driver.

import { version } from '../../package.json';

export const TOOL_NAME = 'webcontainer-compat';

/** The version in package.json; esbuild inlines it when it bundles dist/cli.js. */
export const TOOL_VERSION: string = version;

/**
 * Home of the project, used as the SARIF `informationUri` and as the base of each rule's help link.
 * NOTE: a placeholder until the repository has a public address; change it here and nowhere else.
 */
export const REPOSITORY_URL = 'https://github.com/webcontainer-compat/webcontainer-compat';

/** Returns the link to a rule's section in docs/rules.md on the main branch. */
export function ruleHelpUri(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules.md#${ruleId}`;
}
