// Which commands a WebContainer can run. Sources for each fact are listed in docs/webcontainer-compatibility.md.
// Adding a command is an edit to this table alone: the checker, the script analysis and the docs read it.

/** What happens when a script calls the command inside a WebContainer. */
export interface RuntimeCompatEntry {
  supported: boolean;
  /** Why the command cannot run, and what to do instead. Present when `supported` is false. */
  reason?: string;
  /** Where to run the command instead. */
  fallbackDriver?: 'docker' | null;
  /** Severity of a script finding: error when the command is missing, warning when it exists but is limited. Defaults to error. */
  severity?: 'error' | 'warning';
}

export const RUNTIME_COMPAT_MATRIX: Record<string, RuntimeCompatEntry> = {
  node: { supported: true },
  npm: { supported: true },
  npx: { supported: true },
  python3: {
    supported: false,
    reason: 'Alias of python3. Same limitation applies.',
    fallbackDriver: 'docker',
  },
  python: { supported: false, reason: 'Alias of python3. Same limitation applies.', fallbackDriver: 'docker' },
  go: { supported: false, reason: 'Go runtime requires Linux syscalls unavailable in browser sandbox.', fallbackDriver: 'docker' },
  rustc: { supported: false, reason: 'The Rust compiler is not available in WebContainers.', fallbackDriver: 'docker' },
  cargo: { supported: false, reason: 'Cargo depends on rustc. Same limitation applies.', fallbackDriver: 'docker' },
};
