// Worker thread for the analyses that would block the extension host, which every other extension shares. Large
// package.json texts take hundreds of milliseconds or more. The dependency tree reads a lockfile and node_modules
// synchronously: for this repository's own package.json (588 packages in package-lock.json, node_modules installed)
// inspectDependencyTree took a median of 85 ms and 400 ms on its first call, timed once in a script on a 2-core
// machine. Bundled as dist/analysis-worker.js and started by background-analysis.ts.

import { parentPort } from 'worker_threads';
import { analyzeManifest, type AnalyzeOptions } from '../core/analyze-manifest';
import { inspectDependencyTree, type DependencyTreeOptions } from '../core/dependency-tree';
import { createNodeFileReader } from '../core/dependency-tree/node-file-reader';
import type { Finding } from '../core/findings';
import type { TimedTreeReport } from './tree-report-cache';

export interface ManifestAnalysisRequest {
  kind: 'manifest';
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export interface TreeAnalysisRequest {
  kind: 'tree';
  id: number;
  manifestPath: string;
  text: string;
  options: DependencyTreeOptions;
}

export type AnalysisRequest = ManifestAnalysisRequest | TreeAnalysisRequest;

export type AnalysisResponse = { id: number; findings: Finding[] } | { id: number; tree: TimedTreeReport } | { id: number; error: string };

const reader = createNodeFileReader();

function respond(request: AnalysisRequest): AnalysisResponse {
  if (request.kind === 'manifest') return { id: request.id, findings: analyzeManifest(request.text, request.options) };

  const started = performance.now();
  const report = inspectDependencyTree(request.manifestPath, request.text, reader, request.options);
  return { id: request.id, tree: { report, milliseconds: performance.now() - started } };
}

parentPort?.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = respond(request);
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
