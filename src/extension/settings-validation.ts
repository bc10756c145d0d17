// Turns raw `webcontainerCompat.*` setting values into checked settings and the core's AnalyzeOptions.
// Settings files are edited by hand, so every value is checked: a wrong type yields a warning for the log and
// the value (or the one entry) is skipped, never an exception. No vscode import, so unit tests run without an editor.

import type { AnalyzeOptions } from '../core/analyze-manifest';
import { RULE_IDS, type RuleId } from '../core/findings';
import type { NativePackageInfo, NativeRemedy } from '../core/native-packages';
import type { RuntimeCompatEntry } from '../core/runtime-compat-matrix';

/** A diagnostic severity as the settings name it, or `off` to hide the rule. */
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

export const NATIVE_REMEDIES = [
  'drop-in',
  'code-change',
  'swapped-by-webcontainer',
  'wasm32-install',
  'optional-native',
  'none',
] as const satisfies readonly NativeRemedy[];

/** Checked values of the `webcontainerCompat` section for one scope. */
export interface CompatSettings {
  enable: boolean;
  severity: Partial<Record<RuleId, SeverityOverride>>;
  /** Globs relative to the workspace folder, in VS Code's glob syntax. */
  exclude: string[];
  analyzeOptions: AnalyzeOptions;
}

export interface ValidatedSettings {
  settings: CompatSettings;
  /** One sentence per skipped value, naming the setting and what was expected. */
  warnings: string[];
}

/** Reads one setting by its key below `webcontainerCompat`, such as `ignore.packages`. */
export type SettingReader = (key: string) => unknown;

/** Validates every setting that `read` returns; defaults apply to values that are missing or skipped. */
export function validateSettings(read: SettingReader): ValidatedSettings {
  const warnings: string[] = [];

  const settings: CompatSettings = {
    enable: readBoolean(read, 'enable', true, warnings),
    severity: readSeverity(read('severity'), warnings),
    exclude: readStringList(read, 'exclude', warnings),
    analyzeOptions: {
      ignorePackages: readStringList(read, 'ignore.packages', warnings),
      ignoreRuntimes: readStringList(read, 'ignore.runtimes', warnings),
      extraRuntimes: readRuntimes(read('runtimes'), warnings),
      extraNativePackages: readNativePackages(read('nativePackages'), warnings),
    },
  };

  return { settings, warnings };
}

function readBoolean(read: SettingReader, key: string, fallback: boolean, warnings: string[]): boolean {
  const value = read(key);
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;

  warnings.push(`webcontainerCompat.${key} must be true or false; found ${describe(value)}, using ${fallback}.`);
  return fallback;
}

function readStringList(read: SettingReader, key: string, warnings: string[]): string[] {
  const value = read(key);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    warnings.push(`webcontainerCompat.${key} must be a list of strings; found ${describe(value)}, ignoring it.`);
    return [];
  }

  const strings: string[] = [];
  for (const item of value) {
    if (typeof item === 'string' && item.trim() !== '') strings.push(item.trim());
    else warnings.push(`webcontainerCompat.${key} contains ${describe(item)}, which is not a non-empty string; skipping it.`);
  }
  return strings;
}

function readSeverity(value: unknown, warnings: string[]): Partial<Record<RuleId, SeverityOverride>> {
  const severity: Partial<Record<RuleId, SeverityOverride>> = {};
  if (value === undefined || value === null) return severity;
  if (!isPlainObject(value)) {
    warnings.push(`webcontainerCompat.severity must be an object from rule id to severity; found ${describe(value)}, ignoring it.`);
    return severity;
  }

  for (const [rule, level] of Object.entries(value)) {
    if (!isRuleId(rule)) {
      warnings.push(`webcontainerCompat.severity names an unknown rule "${rule}"; known rules: ${RULE_IDS.join(', ')}.`);
    } else if (!SEVERITY_OVERRIDES.includes(level as SeverityOverride)) {
      warnings.push(`webcontainerCompat.severity.${rule} must be one of ${SEVERITY_OVERRIDES.join(', ')}; found ${describe(level)}, skipping it.`);
    } else {
      severity[rule] = level as SeverityOverride;
    }
  }
  return severity;
}

function readRuntimes(value: unknown, warnings: string[]): Record<string, RuntimeCompatEntry> {
  const runtimes: Record<string, RuntimeCompatEntry> = {};
  if (value === undefined || value === null) return runtimes;
  if (!isPlainObject(value)) {
    warnings.push(`webcontainerCompat.runtimes must be an object from command to entry; found ${describe(value)}, ignoring it.`);
    return runtimes;
  }

  for (const [command, raw] of Object.entries(value)) {
    const entry = toRuntimeEntry(raw);
    if (typeof entry === 'string') {
      warnings.push(`webcontainerCompat.runtimes["${command}"] ${entry}; skipping it.`);
      continue;
    }
    runtimes[command] = entry;
  }
  return runtimes;
}

/** Returns the entry, or a phrase that describes what is wrong with it. */
function toRuntimeEntry(raw: unknown): RuntimeCompatEntry | string {
  if (!isPlainObject(raw)) return `must be an object such as { "supported": false, "reason": "..." }, found ${describe(raw)}`;
  if (typeof raw.supported !== 'boolean') return `needs "supported": true or false, found ${describe(raw.supported)}`;
  if (raw.reason !== undefined && typeof raw.reason !== 'string') return `has a "reason" that is not a string`;
  if (raw.fallbackDriver !== undefined && raw.fallbackDriver !== null && raw.fallbackDriver !== 'docker') {
    return `has "fallbackDriver" ${describe(raw.fallbackDriver)}; expected "docker" or null`;
  }
  if (raw.severity !== undefined && raw.severity !== 'error' && raw.severity !== 'warning') {
    return `has "severity" ${describe(raw.severity)}; expected "error" or "warning"`;
  }

  const entry: RuntimeCompatEntry = { supported: raw.supported };
  if (typeof raw.reason === 'string') entry.reason = raw.reason;
  if (raw.fallbackDriver !== undefined) entry.fallbackDriver = raw.fallbackDriver as 'docker' | null;
  if (raw.severity !== undefined) entry.severity = raw.severity as 'error' | 'warning';
  return entry;
}

function readNativePackages(value: unknown, warnings: string[]): Record<string, NativePackageInfo> {
  const packages: Record<string, NativePackageInfo> = {};
  if (value === undefined || value === null) return packages;
  if (!isPlainObject(value)) {
    warnings.push(`webcontainerCompat.nativePackages must be an object from package name to entry; found ${describe(value)}, ignoring it.`);
    return packages;
  }

  for (const [name, raw] of Object.entries(value)) {
    const info = toNativePackageInfo(raw);
    if (typeof info === 'string') {
      warnings.push(`webcontainerCompat.nativePackages["${name}"] ${info}; skipping it.`);
      continue;
    }
    packages[name] = info;
  }
  return packages;
}

/** Returns the entry, or a phrase that describes what is wrong with it. A missing `remedy` means `none` without an alternative and `code-change` with one. */
function toNativePackageInfo(raw: unknown): NativePackageInfo | string {
  if (!isPlainObject(raw)) return `must be an object such as { "alternative": "name", "remedy": "drop-in" }, found ${describe(raw)}`;

  const alternative = raw.alternative ?? null;
  if (alternative !== null && (typeof alternative !== 'string' || alternative.trim() === '')) {
    return `has "alternative" ${describe(raw.alternative)}; expected a package name or null`;
  }

  const remedy = raw.remedy ?? (alternative === null ? 'none' : 'code-change');
  if (!(NATIVE_REMEDIES as readonly unknown[]).includes(remedy)) {
    return `has "remedy" ${describe(raw.remedy)}; expected one of ${NATIVE_REMEDIES.join(', ')}`;
  }
  if (raw.alternativeVersion !== undefined && typeof raw.alternativeVersion !== 'string') return `has an "alternativeVersion" that is not a string`;
  if (raw.note !== undefined && typeof raw.note !== 'string') return `has a "note" that is not a string`;

  const info: NativePackageInfo = { alternative, remedy: remedy as NativeRemedy };
  if (typeof raw.alternativeVersion === 'string') info.alternativeVersion = raw.alternativeVersion;
  if (typeof raw.note === 'string') info.note = raw.note;
  return info;
}

function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names a value for a warning: scalars as written (strings cut at 40 characters), objects and lists by type. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `an ${typeof value}`;
}
