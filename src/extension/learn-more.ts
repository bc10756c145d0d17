// "Learn more": opens a rule's section of the documentation in the browser.

import * as vscode from 'vscode';
import { RULE_IDS, type RuleId } from '../core/findings';
import { COMMANDS } from './commands';
import type { CompatContext } from './context';
import { ruleDocsUrl } from './rule-docs';

export function registerLearnMore(context: CompatContext): void {
  context.registerCommand(COMMANDS.openRuleDocs, () => (rule: unknown) => openRuleDocs(rule));
}

function openRuleDocs(rule: unknown): Thenable<boolean> | false {
  if (!(RULE_IDS as readonly unknown[]).includes(rule)) return false;
  return vscode.env.openExternal(vscode.Uri.parse(ruleDocsUrl(rule as RuleId)));
}
