// Runs analyzeManifest in a worker thread (analysis-worker.ts) for texts large enough that checking them
// on the extension host's thread would block it. One worker serves all requests in order; it starts on
// the first large text and ends with the extension.

import * as path from 'path';
import { Worker } from 'worker_threads';
import type { AnalyzeOptions } from '../core/analyze-manifest';
import type { Finding } from '../core/findings';
import type { AnalysisRequest, AnalysisResponse } from './analysis-worker';

/**
 * Texts of at least this many UTF-16 code units are analysed in the worker. test/bench/extension.bench.ts
 * measured a typical 1 KiB package.json at under 1 ms per check. A 257 KiB one with 2,500 scripts took about
 * 115 ms per edit and 180 ms when new, so files of that size leave the extension host's thread.
 * NOTE: the worker's own round trip (copying the text, starting the worker) was not measured separately.
 */
export const BACKGROUND_ANALYSIS_MIN_LENGTH = 100_000;

interface Pending {
  resolve(findings: Finding[]): void;
  reject(error: Error): void;
}

export class BackgroundAnalysis {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** @param workerPath the bundled worker script, dist/analysis-worker.js next to dist/extension.js. */
  constructor(private readonly workerPath = path.join(__dirname, 'analysis-worker.js')) {}

  analyze(text: string, options: AnalyzeOptions): Promise<Finding[]> {
    const worker = this.startedWorker();
    const id = this.nextId++;

    return new Promise<Finding[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: AnalysisRequest = { id, text, options };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.failAll(new Error('The extension stopped before the analysis finished.'));
    void this.worker?.terminate();
    this.worker = undefined;
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
    else pending.resolve(response.findings);
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
