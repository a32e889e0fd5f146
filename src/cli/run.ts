// What every command-line entry point shares: exit codes that mean something
// (0 fine, 1 problems in the content, anything else a bug in gongkai), and no
// stack trace for a user's mistake; a mistyped environment variable stops a
// command before it starts.
import { settingsProblems } from '../config.ts';

/** A problem the user can fix; printed without a stack trace, exit code 1. */
export class UserError extends Error {
  override name = 'UserError';
}

/** `--help` or `-h` on the command line: the usage goes to stdout, exit 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
}

export const EXIT = { ok: 0, problems: 1, bug: 70 } as const;

export function run(main: () => Promise<number>): void {
  const problems = settingsProblems();
  if (problems.length) {
    process.stderr.write(`错误：${problems.join('\n错误：')}\n请改正或删去这些环境变量后重新运行。\n`);
    process.exitCode = EXIT.problems;
    return;
  }
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof HelpRequested) {
        process.stdout.write(`${error.message}\n`);
        process.exitCode = EXIT.ok;
        return;
      }
      if (error instanceof UserError) {
        process.stderr.write(`错误：${error.message}\n`);
        process.exitCode = EXIT.problems;
        return;
      }
      process.stderr.write(
        `gongkai 内部错误（这不是内容的问题，请把以下信息报告给维护人员）：\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT.bug;
    },
  );
}
