/**
 * @coach-guard/core — the one public surface of Coach Guard's pure core.
 * Runs anywhere: Node, a service worker, a content script, the VS Code extension host.
 */
export * from './roster';
export * from './detect/types';
export { analyse, createIncrementalAnalyser, type IncrementalAnalyser } from './detect/analyse-text';
