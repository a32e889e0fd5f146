// Full-text search: Pagefind indexes the rendered report pages (those marked
// data-pagefind-body) into <outDir>/pagefind/, which the search page loads.
// Chinese is detected from <html lang="zh-CN"> and segmented by Pagefind.
import * as pagefind from 'pagefind';
import { join } from 'node:path';
import type { BuildStep } from './types.ts';

export const searchStep: BuildStep = {
  name: 'search',
  title: '站内搜索索引',
  async run({ outDir }) {
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
      const added = await index.addDirectory({ path: outDir });
      if (added.errors.length) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
      const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
      if (written.errors.length) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
      return `${added.page_count} 页`;
    } finally {
      await pagefind.close();
    }
  },
};
