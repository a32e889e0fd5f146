// Parses report bodies off the main thread (see body-parser.ts).
import { serveWorker } from '../lib/worker-pool.ts';
import { parseBodyBounded } from './bounded-parse.ts';
import type { BodyResult } from './markdown.ts';

export interface ParseRequest {
  text: string;
  kind: 'md' | 'mdx';
}

serveWorker<ParseRequest, BodyResult>(({ text, kind }) => parseBodyBounded(text, kind));
