// Runs analyses in a worker thread (analysis-worker.ts): analyzeManifest for texts large enough that checking
// them on the extension host's thread would block it, and every dependency-tree analysis. One worker serves all
// requests in order; it starts on the first request and ends with the extension.

import * as path from 'path';
import { Worker } from 'worker_threads';
import type { AnalyzeOptions } from '../core/analyze-manifest';
import type { DependencyTreeOptions } from '../core/dependency-tree';
import type { Finding } from '../core/findings';
import type { AnalysisRequest, AnalysisResponse } from './analysis-worker';
import type { TimedTreeReport } from './tree-report-cache';

/**
 * Texts of at least this many UTF-16 code units are analysed in the worker. test/bench/extension.bench.ts
 * measured a typical 1 KiB package.json at under 1 ms per check. A 257 KiB one with 2,500 scripts took about
 * 115 ms per edit and 180 ms when new, so files of that size leave the extension host's thread.
 * NOTE: the worker's own round trip (copying the text, starting the worker) was not measured separately.
 */
export const BACKGROUND_ANALYSIS_MIN_LENGTH = 100_000;

/** A response without its id: manifest findings or a tree report. */
type Result = { findings: Finding[] } | { tree: TimedTreeReport };

interface Pending {
  resolve(result: Result): void;
  reject(error: Error): void;
}

export class BackgroundAnalysis {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** @param workerPath the bundled worker script, dist/analysis-worker.js next to dist/extension.js. */
  constructor(private readonly workerPath = path.join(__dirname, 'analysis-worker.js')) {}

  async analyze(text: string, options: AnalyzeOptions): Promise<Finding[]> {
    const result = await this.request({ kind: 'manifest', id: this.nextId++, text, options });
    if (!('findings' in result)) throw new Error('The analysis worker sent a tree report for a manifest request.');
    return result.findings;
  }

  /** Runs inspectDependencyTree on the worker, which reads the files with Node's fs. */
  async inspectTree(manifestPath: string, text: string, options: DependencyTreeOptions): Promise<TimedTreeReport> {
    const result = await this.request({ kind: 'tree', id: this.nextId++, manifestPath, text, options });
    if (!('tree' in result)) throw new Error('The analysis worker sent findings for a tree request.');
    return result.tree;
  }

  dispose(): void {
    this.failAll(new Error('The extension stopped before the analysis finished.'));
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private request(request: AnalysisRequest): Promise<Result> {
    const worker = this.startedWorker();
    return new Promise<Result>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;

    const worker = new Worker(this.workerPath);
    worker.on('message', (response: AnalysisResponse) => this.settle(response));
    worker.on('error', (error) => this.workerEnded(worker, error));
    worker.on('exit', (code) => this.workerEnded(worker, new Error(`The analysis worker exited with code ${code}.`)));
    // The worker must not keep the extension host alive on its own.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(response: AnalysisResponse): void {
    const pending = this.pending.get(response.id);
    if (!pending) return;
    this.pending.delete(response.id);

    if ('error' in response) pending.reject(new Error(response.error));
    else pending.resolve(response);
  }

  /** Fails the open requests of a worker that crashed or exited; the next request starts a new worker. */
  private workerEnded(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
