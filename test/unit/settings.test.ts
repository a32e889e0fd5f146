// A mistyped environment variable is refused with what is allowed, never
// quietly taken for the default (GONGKAI_PDF=no used to make PDFs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROJECT_ROOT, readSettings, settingsProblems } from '../../src/config.ts';

test('switches take 0 or 1, counts a whole positive number, the Astro log a level', () => {
  assert.deepEqual(
    settingsProblems(
      {
        GONGKAI_PDF: 'no',
        GONGKAI_CHECK_CACHE: 'false',
        GONGKAI_PART_SIZE: 'abc',
        GONGKAI_PART_TIMEOUT_S: '0',
        GONGKAI_SITE_JOBS: '1.5',
        GONGKAI_ASTRO_LOG: 'verbose',
        GONGKAI_CONTENT: 'contnet',
      },
      PROJECT_ROOT,
    ),
    [
      '环境变量 GONGKAI_PDF 只能是 0（不生成 PDF）或 1，现在是“no”。',
      '环境变量 GONGKAI_CHECK_CACHE 只能是 0（不用检查缓存）或 1，现在是“false”。',
      '环境变量 GONGKAI_SITE_JOBS 应为正整数，现在是“1.5”。',
      '环境变量 GONGKAI_PART_SIZE 应为正整数，现在是“abc”。',
      '环境变量 GONGKAI_PART_TIMEOUT_S 应为正整数，现在是“0”。',
      '环境变量 GONGKAI_ASTRO_LOG 只能是 debug、info、warn、error、silent，现在是“verbose”。',
      '环境变量 GONGKAI_CONTENT 应指向内容目录，但“contnet”不存在或不是目录。',
    ],
  );
});

test('values as documented, and unset or empty variables, are fine and mean what they say', () => {
  const env = {
    GONGKAI_PDF: '0',
    GONGKAI_CHECK_CACHE: '1',
    GONGKAI_PART_SIZE: '500',
    GONGKAI_ASTRO_LOG: 'warn',
    GONGKAI_CONTENT: 'content',
  };
  assert.deepEqual(settingsProblems(env, PROJECT_ROOT), []);
  assert.deepEqual(settingsProblems({ GONGKAI_PDF: '', GONGKAI_PART_SIZE: '' }), []);
  const s = readSettings(env);
  assert.equal(s.pdf.enabled, false);
  assert.equal(s.checkCache, true);
  assert.equal(s.site.partSize, 500);
  assert.equal(readSettings({ GONGKAI_PDF: '1' }).pdf.enabled, true);
});
