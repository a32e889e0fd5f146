// Astro content collections, for `npm run dev`, `astro check` and the editor
// (astro sync writes each collection's JSON Schema for the Astro VS Code
// extension): src/build/editor-collections.ts. `npm run build` defines none:
// it hands each astro build its data (src/model/site-input.ts), which the
// pages read through src/model/catalog.ts. Loading the schemas and loaders
// through Vite cost about 1.2 s of every astro build, and Astro kept a second
// copy of every report, rendered body included, in its data store.
import { settings } from './config.ts';

type Collections = (typeof import('./build/editor-collections.ts'))['collections'];

export const collections: Collections = settings().siteInputFile
  ? ({} as Collections)
  : (await import('./build/editor-collections.ts')).collections;
