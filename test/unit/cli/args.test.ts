// A mistyped command line is the person's mistake: a Chinese sentence with the
// command's usage (exit 1 through UserError), never an internal error.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { commandArgs } from '../../../src/cli/args.ts';
import { HelpRequested, UserError } from '../../../src/cli/run.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';

const USAGE = 'npm run check -- [--format=human|json|github] [--strict]';
const OPTIONS = { format: { type: 'string' }, strict: { type: 'boolean' } } as const;

function refusal(args: string[], allowPositionals = false): string {
  try {
    commandArgs({ args, options: OPTIONS, allowPositionals }, USAGE);
  } catch (error) {
    assert.ok(error instanceof UserError, `not a user error: ${String(error)}`);
    return error.message;
  }
  assert.fail(`${args.join(' ')} was accepted`);
}

test('an unknown option, a missing value, a value for a switch and a stray argument are refused in Chinese with the usage', () => {
  assert.equal(refusal(['--formt=json']), `没有 --formt 这个选项。用法：${USAGE}`);
  assert.equal(refusal(['-x']), `没有 -x 这个选项。用法：${USAGE}`);
  assert.equal(refusal(['--format']), `选项 --format 缺少值。用法：${USAGE}`);
  assert.equal(refusal(['--strict=yes']), `选项 --strict 不带值。用法：${USAGE}`);
  assert.equal(refusal(['content/reports']), `多余的参数 content/reports。用法：${USAGE}`);
});

test('--help or -h asks for the usage, before anything else on the line is judged; after -- it is an argument', () => {
  for (const args of [['--help'], ['-h'], ['--formt', '--help']])
    assert.throws(
      () => commandArgs({ args, options: OPTIONS }, USAGE),
      (error: unknown) => error instanceof HelpRequested && error.message.startsWith(`用法：${USAGE}\n`),
    );
  const { positionals } = commandArgs({ args: ['--', '-h'], options: OPTIONS, allowPositionals: true }, USAGE);
  assert.deepEqual(positionals, ['-h']);
});

test('a correct command line is parsed as node parses it', () => {
  const { values, positionals } = commandArgs(
    { args: ['--format', 'json', '--strict', 'a.mdx'], options: OPTIONS, allowPositionals: true },
    USAGE,
  );
  assert.deepEqual({ ...values }, { format: 'json', strict: true });
  assert.deepEqual(positionals, ['a.mdx']);
});

test("lint refuses node's parseArgs in a command entry point", async () => {
  const eslint = new ESLint({ cwd: PROJECT_ROOT });
  const [result] = await eslint.lintText(
    "import { parseArgs } from 'node:util';\nexport const v = parseArgs({ options: {} });\n",
    { filePath: join(PROJECT_ROOT, 'scripts/bad-example.ts') },
  );
  const messages = (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
  assert.equal(messages.length, 1);
  assert.match(messages[0]?.message ?? '', /commandArgs/);
});
