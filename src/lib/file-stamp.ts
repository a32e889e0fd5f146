// A file's stamp, as git's index keeps one: size, modification and change
// times (nanoseconds) and device and inode, taken without following links. A
// file whose stamp is as recorded has not been written since; the change time
// moves on every write, rename or permission change and cannot be set back by
// hand. Used by the check's cache (a report not read again) and the build (a
// previous output kept).
import { lstatSync, type BigIntStats } from 'node:fs';
import { lstat } from 'node:fs/promises';

export interface FileStamp {
  /** A regular file (not a link, folder or anything else). */
  file: boolean;
  ctimeNs: bigint;
  /** Device and inode: which file it is. */
  inode: string;
  /** All of it in one string, to record and compare. */
  id: string;
}

/**
 * File times are coarse (a few milliseconds on ext4, a second on some file
 * systems): a file changed this close to a moment may change again and keep
 * its stamp, so a stamp taken then does not vouch for it.
 */
const RACY_NS = 1_000_000_000n;

const stampOf = (s: BigIntStats): FileStamp => ({
  file: s.isFile(),
  ctimeNs: s.ctimeNs,
  inode: `${s.dev}:${s.ino}`,
  id: `${s.size}:${s.mtimeNs}:${s.ctimeNs}:${s.dev}:${s.ino}`,
});

export const fileStamp = async (path: string): Promise<FileStamp> => stampOf(await lstat(path, { bigint: true }));

export function fileStampSync(path: string): FileStamp | undefined {
  const s = lstatSync(path, { bigint: true, throwIfNoEntry: false });
  return s && stampOf(s);
}

/** The time now, in the stamps' unit. */
export const nowNs = () => BigInt(Date.now()) * 1_000_000n;

/** Whether the file changed within a second of `atNs` (then its stamp, taken at atNs, does not vouch for it). */
export const racy = (stamp: FileStamp, atNs: bigint) => stamp.ctimeNs >= atNs - RACY_NS;
