export * from './types';
export * from './messages';
export * from './interpret';
export * from './tsi';
export * from './ccmr';
export * from './concepts';
export * from './catalog';
export { BENCHMARKS, SCALES, TSI_RULES, CCMR, AP_EXAMS, scaleFor, benchmarksFor, sourceOf, type Sourced, type Benchmark, type ScaleRange, type TsiRule } from './reference';
