// Hovers on a flagged dependency or command word: what fails in a WebContainer and why, the remedy, and
// links to the rule's documentation and the sources. The Markdown is untrusted and runs no commands.

import * as vscode from 'vscode';
import type { CompatContext } from './context';
import type { ManifestDiagnostics } from './diagnostics';
import { describeFinding, findingsAtOffset, type HoverSections, type Remedy } from './hover-content';
import { MANIFEST_SELECTOR } from './manifest-files';
import type { SettingsCache } from './settings';

export function registerHovers(context: CompatContext): void {
  context.track(vscode.languages.registerHoverProvider(MANIFEST_SELECTOR, new FindingHoverProvider(context.diagnostics, context.settings)));
}

export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly diagnostics: ManifestDiagnostics,
    private readonly settings: SettingsCache,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const check = this.diagnostics.checkOf(document);
    if (!check) return undefined;

    // Only findings that are shown as diagnostics, so a rule turned off shows no hover either.
    const shown = check.data.map((data) => data.finding);
    const here = findingsAtOffset(shown, document.offsetAt(position));
    if (here.length === 0) return undefined;

    const options = this.settings.forResource(document.uri).analyzeOptions;
    const contents = here.map((finding) => toMarkdown(describeFinding(finding, options)));
    const first = here[0].range;
    const range = new vscode.Range(document.positionAt(first.start), document.positionAt(first.end));
    return new vscode.Hover(contents, range);
  }
}

function toMarkdown(sections: HoverSections): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = false;
  markdown.supportHtml = false;

  markdown.appendMarkdown(`**${vscode.l10n.t('WebContainer')}** \`${sections.rule}\`\n\n`);
  markdown.appendText(sections.message);

  if (sections.reason) {
    markdown.appendMarkdown(`\n\n**${vscode.l10n.t('Why:')}** `);
    markdown.appendText(sections.reason);
  }
  if (sections.remedy) {
    markdown.appendMarkdown(`\n\n**${vscode.l10n.t('Remedy:')}** `);
    markdown.appendText(remedySentence(sections.remedy));
  }

  markdown.appendMarkdown(
    `\n\n[${vscode.l10n.t('Rule documentation')}](${sections.docsUrl}) · [${vscode.l10n.t('Sources')}](${sections.sourcesUrl})`,
  );
  return markdown;
}

function remedySentence({ kind, subject, alternative = '' }: Remedy): string {
  switch (kind) {
    case 'drop-in':
      return vscode.l10n.t('Replace {0} with {1}: it has the same API, so no code has to change.', subject, alternative);
    case 'code-change':
      return vscode.l10n.t('Replace {0} with {1}; the code that uses {0} has to change, because the API differs.', subject, alternative);
    case 'swapped-by-webcontainer':
      return vscode.l10n.t('Nothing to do: WebContainer installs a WebAssembly build of {0} by itself.', subject);
    case 'wasm32-install':
      return vscode.l10n.t('Install the WebAssembly build of {0} with npm install --cpu=wasm32 inside the WebContainer.', subject);
    case 'optional-native':
      return vscode.l10n.t('Nothing to do: the native part of {0} is optional and it works without it.', subject);
    case 'none':
      return vscode.l10n.t('No alternative to {0} that runs in a WebContainer is known; run this part of the project outside it.', subject);
    case 'run-elsewhere-docker':
      return vscode.l10n.t('Run this script outside the WebContainer, for example in Docker, or replace {0} with a tool written in JavaScript.', subject);
    case 'run-elsewhere':
      return vscode.l10n.t('Run this script outside the WebContainer, or replace {0} with a tool written in JavaScript.', subject);
    case 'rewrite-shell-script':
      return vscode.l10n.t('Rewrite the script in JavaScript and run it with node, or run it outside the WebContainer.');
  }
}
