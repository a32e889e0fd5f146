// Parses report bodies off the main thread (see body-parser.ts).
import { parseBodyBounded } from './bounded-parse.ts';
import type { BodyResult } from './markdown.ts';

export interface ParseRequest {
  text: string;
  kind: 'md' | 'mdx';
}

export default ({ text, kind }: ParseRequest): BodyResult => parseBodyBounded(text, kind);
