// Reads the sandbox settings of one workspace folder. Values are checked and a wrong one falls back to its
// default with a warning in the log, as for the other webcontainerCompat settings.

import * as vscode from 'vscode';
import { DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_BYTES } from '../../driver/mount-tree';

export interface SandboxSettings {
  dockerImage: string;
  includeEnvFiles: boolean;
  maxFiles: number;
  maxTotalBytes: number;
  bootTimeoutMs: number;
  codeLens: boolean;
}

export const DEFAULT_DOCKER_IMAGE = 'node:20';
const DEFAULT_BOOT_TIMEOUT_SECONDS = 30;

/** A Docker image reference: registry host, path, tag and digest characters only, so it cannot carry options. */
const IMAGE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]{0,254}$/;

export function readSandboxSettings(scope: vscode.ConfigurationScope | undefined, log: vscode.LogOutputChannel): SandboxSettings {
  const configuration = vscode.workspace.getConfiguration('webcontainerCompat', scope);

  const positiveInteger = (key: string, fallback: number, maximum: number): number => {
    const value = configuration.get<unknown>(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= maximum) return value;
    log.warn(`Setting webcontainerCompat.${key} must be a whole number from 1 to ${maximum}; using ${fallback}.`);
    return fallback;
  };

  const image = configuration.get<unknown>('docker.image');
  let dockerImage = DEFAULT_DOCKER_IMAGE;
  if (typeof image === 'string' && IMAGE_REFERENCE.test(image)) dockerImage = image;
  else if (image !== undefined && image !== null) log.warn(`Setting webcontainerCompat.docker.image is not a Docker image reference; using ${DEFAULT_DOCKER_IMAGE}.`);

  return {
    dockerImage,
    includeEnvFiles: configuration.get<unknown>('sandbox.includeEnvFiles') === true,
    maxFiles: positiveInteger('sandbox.maxFiles', DEFAULT_MAX_FILES, 1_000_000),
    maxTotalBytes: positiveInteger('sandbox.maxTotalBytes', DEFAULT_MAX_TOTAL_BYTES, 2 ** 31),
    bootTimeoutMs: positiveInteger('sandbox.bootTimeoutSeconds', DEFAULT_BOOT_TIMEOUT_SECONDS, 600) * 1000,
    codeLens: configuration.get<unknown>('sandbox.codeLens') !== false,
  };
}
