// Content trees for tests: a copy of the shipped content/ with edits applied,
// described as data (test/fixtures/bad/*.json) so a fixture shows exactly
// what differs from the real report.
import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

export const SEED_CONTENT = join(PROJECT_ROOT, 'content');
export const SEED_REPORT = 'reports/2023/kgxj.mdx';

export type Edit =
  | { file: string; replace: [from: string, to: string] }
  | { file: string; write: string }
  | { file: string; remove: true }
  | { file: string; renameTo: string }
  | { file: string; copyTo: string }
  | { file: string; encoding: 'gb18030' }
  | { file: string; bom: true }
  /** Adds text at the end of the file (`times` copies of it). */
  | { file: string; append: string; times?: number }
  /** Writes `head` + `text` repeated `times` + `tail`: large or pathological files made at test time. */
  | { file: string; generate: { head?: string; text: string; times: number; tail?: string } }
  | { file: string; symlinkTo: string }
  /** Bytes given in base64 (images, binary payloads). */
  | { file: string; base64: string }
  /** A named pipe (FIFO) in place of the file. */
  | { file: string; fifo: true }
  /** Moves a file or folder out of the tree and leaves a symbolic link to it in its place. */
  | { file: string; moveOutAndLink: true };

export interface FixtureCase {
  title: string;
  edits: Edit[];
  /** A file (relative to the content root) a payload would create if it ever ran: it must never exist. */
  marker?: string;
  /** An input that must be accepted (hostile-looking but harmless, or large but within limits). */
  accept?: boolean;
  expect?: {
    rule: string;
    file: string;
    line?: number;
    /** The expected line is the first line of the edited file containing this text. */
    lineOf?: string;
    message: string[];
    hint?: string[];
  };
}

const madeTempDirs = new Set<string>();

/** A new folder in the system's temporary folder; removed when the test process exits. */
export async function tempDir(prefix = 'gongkai-test-'): Promise<string> {
  if (madeTempDirs.size === 0) {
    process.once('exit', () => {
      for (const dir of madeTempDirs) rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = await mkdtemp(join(tmpdir(), prefix));
  madeTempDirs.add(dir);
  return dir;
}

/** Where the tests' site caches go (npm test's for the run too): in the project, where a site cache must be. */
export const TEST_SITE_CACHES = join(PROJECT_ROOT, 'node_modules/.cache/gongkai/test-site-caches');

/**
 * A site cache of its own (GONGKAI_SITE_CACHE), for a build that must build
 * its parts or stands for another machine. The caller removes it.
 */
export async function ownSiteCache(): Promise<string> {
  await mkdir(TEST_SITE_CACHES, { recursive: true });
  return mkdtemp(join(TEST_SITE_CACHES, 'site-'));
}

async function encodeGb18030(text: string): Promise<Buffer> {
  // Node can decode GB18030 but not encode it; iconv (glibc) can.
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
  if (r.status !== 0) throw new Error(`iconv failed: ${r.stderr}`);
  return r.stdout;
}

export async function applyEdit(root: string, edit: Edit): Promise<void> {
  const path = join(root, edit.file);
  if ('replace' in edit) {
    const text = await readFile(path, 'utf8');
    if (!text.includes(edit.replace[0]))
      throw new Error(`fixture edit: ${edit.file} does not contain ${JSON.stringify(edit.replace[0])}`);
    await writeFile(path, text.replace(edit.replace[0], edit.replace[1]));
  } else if ('write' in edit) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, edit.write);
  } else if ('remove' in edit) {
    await rm(path);
  } else if ('renameTo' in edit) {
    await mkdir(dirname(join(root, edit.renameTo)), { recursive: true });
    await rename(path, join(root, edit.renameTo));
  } else if ('copyTo' in edit) {
    await cp(path, join(root, edit.copyTo));
  } else if ('encoding' in edit) {
    await writeFile(path, await encodeGb18030(await readFile(path, 'utf8')));
  } else if ('append' in edit) {
    await writeFile(path, (await readFile(path, 'utf8')) + edit.append.repeat(edit.times ?? 1));
  } else if ('generate' in edit) {
    const { head = '', text, times, tail = '' } = edit.generate;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, head + text.repeat(times) + tail);
  } else if ('symlinkTo' in edit) {
    await rm(path, { force: true });
    await mkdir(dirname(path), { recursive: true });
    await symlink(edit.symlinkTo, path);
  } else if ('base64' in edit) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, Buffer.from(edit.base64, 'base64'));
  } else if ('fifo' in edit) {
    await rm(path, { force: true });
    await mkdir(dirname(path), { recursive: true });
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('mkfifo', [path]);
    if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  } else if ('moveOutAndLink' in edit) {
    const outside = await tempDir('gongkai-outside-');
    await rename(path, join(outside, 'moved'));
    await symlink(join(outside, 'moved'), path);
  } else if ('bom' in edit) {
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(path)]));
  }
}

/** A copy of content/ (in a temporary folder unless given one) with the edits applied; returns its root. */
export async function contentWith(edits: readonly Edit[] = [], base = SEED_CONTENT, root?: string): Promise<string> {
  root ??= await tempDir();
  await cp(base, root, { recursive: true });
  for (const edit of edits) await applyEdit(root, edit);
  return root;
}

/** 1-based number of the first line of `file` (in `root`) that contains `needle`. */
export async function lineOf(root: string, file: string, needle: string): Promise<number> {
  const lines = (await readFile(join(root, file), 'utf8')).split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${file} has no line containing ${JSON.stringify(needle)}`);
  return i + 1;
}

export async function readFixtures(
  kind: 'bad' | 'good' | 'hostile',
): Promise<{ name: string; fixture: FixtureCase }[]> {
  const { readdir } = await import('node:fs/promises');
  const dir = join(PROJECT_ROOT, 'test/fixtures', kind);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => ({
      name: f.replace(/\.json$/, ''),
      fixture: JSON.parse(await readFile(join(dir, f), 'utf8')) as FixtureCase,
    })),
  );
}
