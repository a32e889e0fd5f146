// The previous output as the next build's starting point. Every build wrote
// its whole output afresh, about 6,500 files at 1,000 reports, and a process
// then removed the output before: 3–5 CPU-s of file-system work on these
// machines, more than anything else in a one-report rebuild. Now the output a
// build replaces is kept beside it (atomic-dir.ts), with a record of what it
// holds, and the next build starts from it: a file already as this build
// would make it (same SHA-256) is kept, the others are written, and what this
// build does not make is removed before anything reads the folder.
//
// Nothing is taken on trust. The record holds each file's hash with its
// inode, size and modification and change times, taken when the build that
// made it had finished; the change time moves on every write, rename or
// permission change and cannot be set back by hand. A file that differs in
// any of them, one changed within a second of the record whose bytes are
// not the recorded ones (file times are coarse), or one the record does not
// name is removed before the build starts, so an output edited in place is
// never published again.
import { readdirSync } from 'node:fs';
import { mkdir, rm, rmdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileStamp, fileStampSync, nowNs, racy, type FileStamp } from '../lib/file-stamp.ts';
import { mapLimited } from '../lib/map-limited.ts';
import { codeVersion } from '../scan/code-version.ts';
import { previousOutput, stagingDir } from './atomic-dir.ts';
import { sha256File, type KnownHashes } from './sha256sums.ts';

/**
 * A file as the record saw it: [sha256, its stamp (src/lib/file-stamp.ts)],
 * and whether it changed within a second of the record: then a later change
 * may have left the same stamp, and its bytes are hashed again before it is
 * kept (as git does with its index).
 */
type Entry = [hash: string, stamp: string, racy?: 1];

export interface OutputRecord {
  version: 1;
  /** The code that made the output: another version may lay out its files differently. */
  code: string;
  /** The output folder's own inode, so a record never describes another folder. */
  root: string;
  files: Record<string, Entry>;
}

/** A file's stamp, or none when it cannot be read (then it is not vouched for). */
function stampOrNone(path: string): FileStamp | undefined {
  try {
    return fileStampSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What `dir` holds now, from the hashes SHA256SUMS was written with (the
 * build's last write): taken when nothing writes there any more.
 */
export async function recordOutput(dir: string, hashes: ReadonlyMap<string, string>): Promise<OutputRecord> {
  const now = nowNs();
  const files: Record<string, Entry> = {};
  // One lstat per file, synchronously: thousands of them, each a round trip to the thread pool otherwise.
  for (const [file, hash] of hashes) {
    const s = stampOrNone(join(dir, file));
    if (!s?.file) continue;
    const entry: Entry = [hash, s.id];
    if (racy(s, now)) entry.push(1);
    files[file] = entry;
  }
  return { version: 1, code: await codeVersion(), root: (await fileStamp(dir)).inode, files };
}

/** Every entry under dir: its files and folders (relative, '/'-separated), anything else counted as a file to remove. */
function walk(dir: string): { files: string[]; folders: string[] } {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const folders: string[] = [];
  for (const e of entries) {
    const rel = join(e.parentPath, e.name).slice(dir.length + 1);
    (e.isDirectory() ? folders : files).push(rel);
  }
  return { files, folders };
}

export class ReusedOutput {
  readonly #dir: string;
  /** The files kept from the previous output, by path: each one's hash and times. */
  readonly #kept: Map<string, Entry>;
  readonly #known: KnownHashes;
  /** The files this build made: kept, or written (wrote). */
  readonly #made = new Set<string>();
  /** Folders that may have become empty. */
  readonly #emptied = new Set<string>();
  #unchanged = 0;

  constructor(dir: string, kept: Map<string, Entry>, known: KnownHashes) {
    this.#dir = dir;
    this.#kept = kept;
    this.#known = known;
  }

  /** How many files of the previous output this build kept as they were (keep). */
  get unchanged(): number {
    return this.#unchanged;
  }

  /**
   * Whether `file` is already there with this hash (kept from the previous
   * output): then this build has made it, and SHA256SUMS need not read it.
   * Otherwise the caller writes it (over the old one: output files are
   * copies of their own, never links) and says so (wrote).
   */
  keep(file: string, hash: string): boolean {
    const e = this.#kept.get(file);
    if (e?.[0] !== hash) return false;
    if (!this.#made.has(file)) this.#unchanged++;
    this.#made.add(file);
    this.#known.set(file, { hash, stamp: e[1] });
    return true;
  }

  wrote(file: string): void {
    this.#made.add(file);
  }

  /** Whether this build has made `file` so far (a file there it has not made is the previous output's). */
  made(file: string): boolean {
    return this.#made.has(file);
  }

  /**
   * Removes the files of the previous output this build did not make: kept,
   * not made, and not written since (a step that writes its files without
   * asking keep, the PDFs' or the images', gives them new change times or
   * inodes). Run once every step has written its files, before the sitemap
   * lists the pages. Returns how many were removed.
   */
  async removeStale(): Promise<number> {
    const stale = [...this.#kept].filter(([file]) => !this.#made.has(file));
    const removed = await mapLimited(stale, 64, async ([file, e]) => {
      const path = join(this.#dir, file);
      if ((await fileStamp(path).catch(() => undefined))?.id !== e[1]) return false;
      await unlink(path);
      this.#emptied.add(dirname(file));
      return true;
    });
    await removeEmptyFolders(this.#dir, this.#emptied);
    return removed.filter(Boolean).length;
  }
}

/** Removes these folders and their parents inside dir while they are empty. */
async function removeEmptyFolders(dir: string, folders: Iterable<string>): Promise<void> {
  const all = new Set<string>();
  for (let f of folders) for (; f !== '.' && f !== ''; f = dirname(f)) all.add(f);
  // Deepest first, so a parent is tried after its children.
  for (const f of [...all].sort((a, b) => b.split('/').length - a.split('/').length))
    await rmdir(join(dir, f)).catch(() => {}); // not empty: kept
}

/** The previous output, checked against its record: what of it may be kept. */
export interface CheckedOutput {
  /** Where it is (beside the published output, until a build takes it). */
  dir: string;
  /** Its folder's inode, as recorded: the folder taken must still be this one. */
  root: string;
  kept: Map<string, Entry>;
}

/**
 * Checks the output before the published one against its record, where it
 * is, and removes whatever the record does not vouch for (the build runs
 * this while it checks the content). Undefined when there is none, or its
 * record is of another folder or another code version.
 */
export async function checkPreviousOutput(dest: string): Promise<CheckedOutput | undefined> {
  try {
    const previous = await previousOutput(dest);
    if (!previous) return undefined;
    const { dir, record } = previous;
    if (record.version !== 1 || record.code !== (await codeVersion())) return undefined;
    if ((await fileStamp(dir)).inode !== record.root) return undefined;
    const { files, folders } = walk(dir);
    const kept = new Map<string, Entry>();
    await mapLimited(files, 64, async (file) => {
      const e = Object.hasOwn(record.files, file) ? record.files[file] : undefined;
      const now = stampOrNone(join(dir, file));
      const same = e && now?.file && now.id === e[1] && (!e[2] || (await sha256File(join(dir, file))) === e[0]);
      if (same) kept.set(file, e);
      else await unlink(join(dir, file)).catch(() => {}); // a folder where a file was: removed below
    });
    // Folders holding no kept file (emptied above, or someone's own): removed whole.
    const needed = new Set<string>();
    for (const file of kept.keys())
      for (let f = dirname(file); f !== '.' && !needed.has(f); f = dirname(f)) needed.add(f);
    await mapLimited(
      folders.filter((f) => !needed.has(f)),
      16,
      (f) => rm(join(dir, f), { recursive: true, force: true }),
    );
    return { dir, root: record.root, kept };
  } catch {
    return undefined; // gone meanwhile (a build beside this one took it): none
  }
}

/**
 * The folder the build writes into: the previous output when it was checked
 * (`previous`) and this build could take it, with what it keeps of it once
 * the build has its known hashes; else a new empty folder.
 */
export async function startOutput(
  dest: string,
  previous: Promise<CheckedOutput | undefined> | undefined,
): Promise<{ dir: string; reused?: (known: KnownHashes) => ReusedOutput }> {
  const checked = await previous;
  const { dir, taken } = await stagingDir(dest, checked?.dir);
  if (!checked || !taken) return { dir };
  if ((await fileStamp(dir).catch(() => undefined))?.inode !== checked.root) {
    // Not the folder that was checked (replaced meanwhile): started from nothing.
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    return { dir };
  }
  return { dir, reused: (known) => new ReusedOutput(dir, checked.kept, known) };
}
