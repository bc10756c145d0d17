// Converts between the mount tree built from disk and the flat file list sent to the page.
// Text files travel as strings and other bytes as base64, because the browser page receives JSON over
// Server-Sent Events. No vscode and no DOM: atob and btoa exist in browsers and in Node 16 and later.

import type { MountTree } from '../driver/container';
import { isSafeRelativePath, type WireFile } from './sandbox-protocol';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Flattens a mount tree into files with `/`-separated paths, in depth-first order. */
export function toWireFiles(tree: MountTree, prefix = ''): WireFile[] {
  const files: WireFile[] = [];
  for (const [name, node] of Object.entries(tree)) {
    const filePath = prefix === '' ? name : `${prefix}/${name}`;
    if ('directory' in node) {
      files.push(...toWireFiles(node.directory, filePath));
    } else if ('symlink' in node.file) {
      files.push({ path: filePath, symlink: node.file.symlink });
    } else {
      files.push({ path: filePath, ...encodeContents(node.file.contents) });
    }
  }
  return files;
}

/** Rebuilds the mount tree. Throws on a path that would leave the folder or on two entries at one path. */
export function fromWireFiles(files: readonly WireFile[]): MountTree {
  const root = emptyFolder();
  for (const file of files) {
    if (!isSafeRelativePath(file.path)) throw new Error(`Invalid file path in the mount list: ${JSON.stringify(file.path)}`);

    const segments = file.path.split('/');
    const name = segments.pop() as string;
    const folder = folderAt(root, segments, file.path);
    if (Object.prototype.hasOwnProperty.call(folder, name)) throw new Error(`Duplicate path in the mount list: ${file.path}`);
    folder[name] = toNode(file);
  }
  return root;
}

function folderAt(root: MountTree, segments: string[], filePath: string): MountTree {
  let folder = root;
  for (const segment of segments) {
    const existing = Object.prototype.hasOwnProperty.call(folder, segment) ? folder[segment] : undefined;
    if (existing === undefined) {
      const directory = emptyFolder();
      folder[segment] = { directory };
      folder = directory;
    } else if ('directory' in existing) {
      folder = existing.directory;
    } else {
      throw new Error(`A file and a folder share the path ${filePath}`);
    }
  }
  return folder;
}

/** Creates a folder map without a prototype, so an entry named `__proto__` is stored like any other name. */
function emptyFolder(): MountTree {
  return Object.create(null) as MountTree;
}

function toNode(file: WireFile): MountTree[string] {
  if (file.symlink !== undefined) return { file: { symlink: file.symlink } };
  if (file.base64 !== undefined) return { file: { contents: base64ToBytes(file.base64) } };
  return { file: { contents: file.text ?? '' } };
}

function encodeContents(contents: string | Uint8Array): { text: string } | { base64: string } {
  if (typeof contents === 'string') return { text: contents };
  try {
    return { text: strictUtf8.decode(contents) };
  } catch {
    return { base64: bytesToBase64(contents) };
  }
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
