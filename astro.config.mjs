// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { siteUrl } from './src/build/site-url.ts';
import { settings } from './src/config.ts';

/** The public address from site.yaml: canonical URLs, sitemap and feed use it. */
const site = await siteUrl();

export default defineConfig({
  ...(site ? { site } : {}),
  outDir: settings().astroOutDir,
  trailingSlash: 'always',
  // Stylesheets and scripts always as files, never inlined: the site runs under a
  // Content-Security-Policy without 'unsafe-inline' (see README, 安全).
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The sitemap is written by the build (src/build/sitemap-step.ts) once all parts of the site are in place.
  // MDX is for the site's own trusted pages in src/ only: report bodies are
  // rendered by src/render/ from the checked tree, never compiled.
  integrations: [mdx()],
  devToolbar: { enabled: false },
  // Writes .astro/collections/*.schema.json from the zod schemas, which the Astro
  // VS Code extension uses for completion and inline errors in report frontmatter
  // (with "astro.content-intellisense" in .vscode/settings.json).
  experimental: { contentIntellisense: true },
  vite: {
    build: {
      assetsInlineLimit: 0,
      // The print preview bundles Paged.js (about 500 kB minified), loaded only by that page.
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        // Every MDX module carries Astro's "use astro:head-inject" directive and the
        // bundler warns about each one: thousands of identical lines on a large tree.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  server: { host: '127.0.0.1' },
});
