// Worker thread that analyses large package.json texts, so that a check taking hundreds of milliseconds
// or more does not block the extension host, which every other extension shares. Bundled as
// dist/analysis-worker.js and started by background-analysis.ts.

import { parentPort } from 'worker_threads';
import { analyzeManifest, type AnalyzeOptions } from '../core/analyze-manifest';
import type { Finding } from '../core/findings';

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}

export type AnalysisResponse = { id: number; findings: Finding[] } | { id: number; error: string };

parentPort?.on('message', (request: AnalysisRequest) => {
  let response: AnalysisResponse;
  try {
    response = { id: request.id, findings: analyzeManifest(request.text, request.options) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
