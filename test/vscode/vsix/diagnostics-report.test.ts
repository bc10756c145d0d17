// Records the extension's diagnostics for the fixture's package.json in a JSON report, so that
// test/vscode/test-vsix.ts can compare the development build with the installed VSIX.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { readTestEnvironment } from '../../integration/environment';

const EXTENSION_ID = 'webcontainer-compat.webcontainer-compat';
const DIAGNOSTIC_SOURCE = 'webcontainer';

/** Time in milliseconds that the diagnostics must stay unchanged before they count as settled. */
const SETTLE_MS = 1_000;
const WAIT_LIMIT_MS = 20_000;

export interface ReportedDiagnostic {
  file: string;
  range: [number, number, number, number];
  /** The text that the range covers. */
  text: string;
  severity: string;
  code: string | undefined;
  source: string | undefined;
  message: string;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

function describeDiagnostics(document: vscode.TextDocument): ReportedDiagnostic[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE)
    .map((diagnostic) => ({
      file: vscode.workspace.asRelativePath(document.uri),
      range: [
        diagnostic.range.start.line,
        diagnostic.range.start.character,
        diagnostic.range.end.line,
        diagnostic.range.end.character,
      ] as [number, number, number, number],
      text: document.getText(diagnostic.range),
      severity: vscode.DiagnosticSeverity[diagnostic.severity],
      code: codeOf(diagnostic),
      source: diagnostic.source,
      message: diagnostic.message,
    }))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.message.localeCompare(b.message));
}

/** Polls until the diagnostics are non-empty and unchanged for SETTLE_MS, because scans are debounced. */
async function waitForSettledDiagnostics(document: vscode.TextDocument): Promise<ReportedDiagnostic[]> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  let previous = '';
  let unchangedSince = Date.now();

  while (Date.now() < deadline) {
    const current = describeDiagnostics(document);
    const serialized = JSON.stringify(current);
    if (serialized !== previous) {
      previous = serialized;
      unchangedSince = Date.now();
    } else if (current.length > 0 && Date.now() - unchangedSince >= SETTLE_MS) {
      return current;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no settled diagnostics from source '${DIAGNOSTIC_SOURCE}' within ${WAIT_LIMIT_MS} ms; last: ${previous}`);
}

describe('diagnostics report', () => {
  const environment = readTestEnvironment();

  it('reports the fixture findings', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    await extension.activate();

    const [manifest] = await vscode.workspace.findFiles('package.json');
    assert.ok(manifest, 'the fixture workspace has no package.json at its root');
    const document = await vscode.workspace.openTextDocument(manifest);
    const diagnostics = await waitForSettledDiagnostics(document);

    // The smoke fixture lists the native addon bcrypt and runs python3 in a script.
    const texts = diagnostics.map((diagnostic) => diagnostic.text);
    assert.ok(texts.some((text) => text.includes('bcrypt')), `no finding covers bcrypt: ${JSON.stringify(texts)}`);
    assert.ok(texts.some((text) => text.includes('python3')), `no finding covers python3: ${JSON.stringify(texts)}`);

    if (environment.reportFile) {
      fs.writeFileSync(environment.reportFile, `${JSON.stringify(diagnostics, null, 2)}\n`);
    }
  });
});
