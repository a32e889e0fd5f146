// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Who may import whom (ARCHITECTURE.md): each folder of src/ lists the folders
// it may use; an import of any other folder of ours fails lint.
const FOLDERS = [
  'lib',
  'figures',
  'schema',
  'source',
  'checks',
  'render',
  'scan',
  'model',
  'pages',
  'layouts',
  'components',
  'client',
  'styles',
  'print',
  'build',
  'diff',
  'import',
  'scaffold',
  'docs',
  'git',
  'cli',
];
const SITE = ['pages', 'layouts', 'components', 'client', 'styles'];

/**
 * @param {string} folder
 * @param {string[]} allowed folders it may import
 * @param {string[]} [typesOf] folders it may import types from
 */
function boundary(folder, allowed, typesOf = []) {
  const message = `src/${folder}/ 不能引用这个文件夹（见 ARCHITECTURE.md 的“Who may import whom”）。`;
  const forbidden = (list) => `(^|/)(${list.join('|')})/`;
  const denied = FOLDERS.filter((f) => f !== folder && !allowed.includes(f) && f !== 'lib');
  const patterns = [
    { regex: forbidden(denied.filter((f) => !typesOf.includes(f))), message },
    ...(typesOf.length ? [{ regex: forbidden(typesOf), message, allowTypeImports: true }] : []),
  ];
  return {
    files: [`src/${folder}/**/*.{ts,astro}`],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
  };
}

const TOOLS = FOLDERS.filter((f) => !SITE.includes(f));

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test/fixtures/', '.dist.*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['public/**/*.js', 'src/client/**/*.ts', 'src/print/paged/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/lib/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^\\.\\./', message: 'src/lib/ 中的工具不引用本项目的其他代码。' }] },
      ],
    },
  },
  boundary('figures', ['schema']),
  boundary('schema', ['figures']),
  boundary('source', ['schema', 'figures']),
  boundary('checks', ['source', 'schema', 'figures']),
  boundary('render', ['source', 'schema', 'figures']),
  boundary('scan', ['source', 'schema', 'figures', 'checks', 'render'], ['model']),
  boundary('model', ['schema', 'figures'], ['render', 'source']),
  ...['pages', 'layouts', 'components'].map((f) =>
    boundary(f, ['model', 'schema', 'figures', 'pages', 'layouts', 'components', 'print', 'client', 'styles']),
  ),
  boundary('client', []),
  boundary('print', ['model', 'schema', 'figures', 'components', 'layouts', 'styles', 'source', 'cli'], ['scan']),
  ...['build', 'diff', 'import', 'scaffold', 'docs', 'git', 'cli'].map((f) => boundary(f, TOOLS)),
  {
    // A mistyped option must be a user error in Chinese, not a crash.
    files: ['scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'node:util',
              importNames: ['parseArgs'],
              message:
                '命令的参数用 src/cli/args.ts 的 commandArgs 解析：写错的参数是中文的用户错误（退出码 1），不是内部错误。',
            },
          ],
        },
      ],
    },
  },
);
