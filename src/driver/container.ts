// The part of the @webcontainer/api 1.6.4 surface that the driver uses. The real `WebContainer` class fits it,
// and tests supply a fake with the same shape.

/** A file, a symlink or a folder in a tree mounted into the container; the same node shapes as `FileSystemTree`. */
export type MountNode =
  | { file: { contents: string | Uint8Array } }
  | { file: { symlink: string } }
  | { directory: MountTree };

/** Folder entries by name. */
export interface MountTree {
  [name: string]: MountNode;
}

/** A process started inside the container. `output` mixes stdout and stderr, as in the real API. */
export interface ContainerProcess {
  output: ReadableStream<string>;
  exit: Promise<number>;
  kill(): void;
  /** The process's terminal input; optional so that a fake may leave it out. */
  input?: WritableStream<string>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: Record<string, string | number | boolean>;
  terminal?: { cols: number; rows: number };
}

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void;

/** A booted WebContainer, or a fake of one. */
export interface Container {
  mount(tree: MountTree): Promise<void>;
  spawn(command: string, args: string[], options?: SpawnOptions): Promise<ContainerProcess>;
  on(event: 'server-ready', listener: (port: number, url: string) => void): Unsubscribe;
  teardown(): void;
}

/** Options passed to `WebContainer.boot`. */
export interface ContainerBootOptions {
  coep?: 'require-corp' | 'credentialless' | 'none';
  workdirName?: string;
}

export type BootContainer = (options: ContainerBootOptions) => Promise<Container>;
