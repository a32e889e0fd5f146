// The command line of every command: node's parseArgs, with a mistyped or
// missing option reported to the person in Chinese with the command's usage
// (exit 1), not as a crash; --help or -h prints the usage (exit 0).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HelpRequested, UserError } from './run.ts';

/** Node's parseArgs errors, by code, as a sentence about the given argument. */
const MESSAGES: Record<string, (arg: string, node: string) => string> = {
  ERR_PARSE_ARGS_UNKNOWN_OPTION: (arg) => `没有 ${arg} 这个选项`,
  ERR_PARSE_ARGS_INVALID_OPTION_VALUE: (arg, node) =>
    node.includes('does not take an argument') ? `选项 ${arg} 不带值` : `选项 ${arg} 缺少值`,
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: (arg) => `多余的参数 ${arg}`,
};

/**
 * parseArgs for a command whose usage line is `usage` (as in the entry
 * point's first comment). Options go as `--name value` or `--name=value`.
 */
export function commandArgs<T extends ParseArgsConfig>(config: T, usage: string) {
  const args = config.args ?? process.argv.slice(2);
  const end = args.indexOf('--');
  if ((end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h'))
    throw new HelpRequested(`用法：${usage}\n各命令的说明见 README.md 的“常用命令”一节。`);
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = typeof code === 'string' ? MESSAGES[code] : undefined;
    if (!message) throw error;
    // Node quotes the argument it could not place: 'Unknown option '--bogus'…'.
    const node = (error as Error).message;
    const arg = /'([^']*)'/.exec(node)?.[1]?.replace(/ <value>$/, '') ?? '';
    throw new UserError(`${message(arg, node)}。用法：${usage}`);
  }
}
