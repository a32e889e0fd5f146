// Bounds on what a report may be, so a hostile or broken file fails quickly
// and clearly instead of hanging the build. A real report is ~20 KB, nests
// lists two deep and parses in a few milliseconds.

import { settings } from '../config.ts';

/** Largest content file accepted (bytes). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Largest image a report may use (bytes): a scanned seal or signature is well under 1 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of lists and block quotes in a report body. */
export const MAX_NESTING = 12;

/** Runs of emphasis markers (*, _, ~) one paragraph may have; their parse time grows with the square. */
export const MAX_DELIMITER_RUNS = 2000;

/** Time one report body may take to parse before it is rejected (ms). */
export const PARSE_TIMEOUT_MS = settings().parseTimeoutMs;

/** Heap a parse worker may use (MB). */
export const PARSE_HEAP_MB = 512;
