// Addresses of the documentation that diagnostics, hovers and "Learn more" link to.

import type { RuleId } from '../core/findings';

/**
 * The docs/ folder of the repository as published on GitHub.
 * NOTE: the repository's public address is assumed here; it is the one place to change when it moves.
 */
export const DOCS_BASE_URL = 'https://github.com/webcontainer-compat/webcontainer-compat/blob/main/docs/';

/** Returns the address of a rule's section in docs/rules.md; each rule's heading there is its id. */
export function ruleDocsUrl(rule: RuleId): string {
  return `${DOCS_BASE_URL}rules.md#${rule}`;
}

/** The page that lists the sources behind the runtime and native-package tables. */
export const COMPATIBILITY_SOURCES_URL = `${DOCS_BASE_URL}webcontainer-compatibility.md`;
