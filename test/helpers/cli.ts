// Runs a project command the way a user does (`node scripts/<name>.ts`) and
// captures what they would see.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { UserError } from '../../src/cli/run.ts';
import { PROJECT_ROOT } from '../../src/config.ts';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  cwd = PROJECT_ROOT,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', `${script}.ts`), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A stack trace in output means a user mistake was treated as a crash. */
export const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

/**
 * What the command prints after “错误：” for a user mistake, checked in this
 * process: `work` rejects with a UserError whose message matches.
 */
export async function rejectsAsUserError(work: Promise<unknown>, message: RegExp, what?: string): Promise<void> {
  await assert.rejects(work, (error) => {
    assert.ok(error instanceof UserError, `${what ?? ''} ${String(error)}`);
    assert.match(error.message, message, what);
    return true;
  });
}
