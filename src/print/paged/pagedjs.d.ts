// The part of Paged.js 0.4.3 (no published types) that the print scripts use.
declare module 'pagedjs' {
  export class Handler {
    constructor(chunker: unknown, polisher: unknown, caller: unknown);
  }
  export interface Flow {
    total: number;
    /** Milliseconds the chunker took. */
    performance: number;
    source: DocumentFragment | Element;
    pages: { element: HTMLElement; area: HTMLElement }[];
  }
  export class Previewer {
    /** Its chunker's queue: one page laid out per tick (requestAnimationFrame by default). */
    chunker: { q: { tick: (callback: () => void) => void } };
    preview(content?: unknown, stylesheets?: unknown, renderTo?: unknown): Promise<Flow>;
  }
  export class Polisher {
    styleSheet: CSSStyleSheet | null;
    setup(): CSSStyleSheet | null;
    insert(text: string): unknown;
  }
  export function registerHandlers(...handlers: (typeof Handler)[]): void;
}
