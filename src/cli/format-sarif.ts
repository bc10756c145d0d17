// SARIF 2.1.0 output: one run, a rule entry for every rule id, one result per finding.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULE_IDS, type Finding, type RuleId, type Severity } from '../core';
import type { FileReport } from './check-manifests';
import { describeInputProblem, type InputProblem } from './input-problem';
import { RULE_DESCRIPTIONS } from './rule-descriptions';
import { REPOSITORY_URL, ruleHelpUri, TOOL_NAME, TOOL_VERSION } from './tool-info';

const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const SARIF_LEVELS: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
};

export function toSarifLog(reports: readonly FileReport[], problems: readonly InputProblem[]): Sarif.Log {
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: TOOL_NAME,
        version: TOOL_VERSION,
        informationUri: REPOSITORY_URL,
        rules: RULE_IDS.map(toReportingDescriptor),
      },
    },
    // Finding columns count UTF-16 code units, as VS Code and JavaScript strings do.
    columnKind: 'utf16CodeUnits',
    invocations: [toInvocation(problems)],
    results: reports.flatMap((report) => report.findings.map((finding) => toResult(report.path, finding))),
  };

  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(reports: readonly FileReport[], problems: readonly InputProblem[]): string {
  return JSON.stringify(toSarifLog(reports, problems), null, 2) + '\n';
}

function toReportingDescriptor(ruleId: RuleId): Sarif.ReportingDescriptor {
  const description = RULE_DESCRIPTIONS[ruleId];
  return {
    id: ruleId,
    name: ruleId,
    shortDescription: { text: description.short },
    help: { text: description.help },
    helpUri: ruleHelpUri(ruleId),
  };
}

/** Turns unreadable inputs into error notifications, so a SARIF consumer can tell that the run was incomplete. */
function toInvocation(problems: readonly InputProblem[]): Sarif.Invocation {
  return {
    executionSuccessful: problems.length === 0,
    toolExecutionNotifications: problems.map((problem) => ({
      level: 'error',
      message: { text: describeInputProblem(problem) },
      locations: [{ physicalLocation: { artifactLocation: { uri: toArtifactUri(problem.path) } } }],
    })),
  };
}

function toResult(filePath: string, finding: Finding): Sarif.Result {
  const artifactLocation = { uri: toArtifactUri(filePath) };
  const result: Sarif.Result = {
    ruleId: finding.rule,
    ruleIndex: RULE_IDS.indexOf(finding.rule),
    level: SARIF_LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
  };

  if (finding.related !== undefined && finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, index) => ({
      id: index,
      message: { text: related.message },
      physicalLocation: {
        artifactLocation,
        region: { startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn },
      },
    }));
  }

  const properties = findingProperties(finding);
  if (properties !== undefined) {
    result.properties = properties;
  }

  return result;
}

/** Copies the script, command and package fields of the JSON output into a SARIF property bag. */
function findingProperties(finding: Finding): Sarif.PropertyBag | undefined {
  const properties: Sarif.PropertyBag = {};

  if (finding.script !== undefined) {
    properties.script = finding.script;
  }

  if (finding.command !== undefined) {
    properties.command = finding.command;
  }

  if (finding.package !== undefined) {
    properties.package = finding.package;
    properties.section = finding.section ?? null;
    properties.alternative = finding.alternative ?? null;
  }

  return Object.keys(properties).length > 0 ? properties : undefined;
}

/**
 * Returns a URI reference for a report path. A relative path stays relative, with `/` separators
 * and percent-encoding, because SARIF viewers and code-scanning uploads resolve it against the
 * folder the tool ran in. An absolute path becomes a `file:` URL.
 */
export function toArtifactUri(reportPath: string): string {
  if (path.isAbsolute(reportPath)) {
    return pathToFileURL(reportPath).href;
  }

  return reportPath.split(path.sep).map(encodeURIComponent).join('/');
}
