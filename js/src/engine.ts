import type { Answer } from './types.js';

/** The Embind class `Engine` of the WebAssembly module: JSON text in and out. */
export interface WasmEngine {
  load(definitions: string, secret: string, stickyCapacity: number, stickyTtlMs: number): string;
  setContext(context: string): string;
  resolve(experiment: string, context: string, nowMs: number): string;
  resolveAll(context: string, nowMs: number): string;
  stub(experiment: string, variant: string): void;
  clearStubs(): void;
  publish(experiment: string, variant: string, key: string): void;
  clearPublished(): void;
  remember(experiment: string, context: string, variant: string, nowMs: number): string;
  variants(experiment: string): string;
}

/** The instantiated WebAssembly module. */
export interface CohortModule {
  Engine: new () => WasmEngine;
}

/** A problem the core reported: a JSON Pointer and a message. */
export interface CoreError {
  path: string;
  message: string;
}

/** What loading definitions reported. */
export interface LoadReport {
  experiments: number;
  errors: CoreError[];
  warnings: CoreError[];
}

export const parseAnswer = (text: string): Answer => JSON.parse(text) as Answer;
export const parseAnswers = (text: string): Answer[] => JSON.parse(text) as Answer[];
export const parseErrors = (text: string): CoreError[] => JSON.parse(text) as CoreError[];
export const parseLoadReport = (text: string): LoadReport => JSON.parse(text) as LoadReport;
