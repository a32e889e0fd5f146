// Work that several test files only read, done once per `npm test` run: in
// GONGKAI_TEST_SHARED (which scripts/test.ts sets and removes), the first
// file to ask does it and the others wait for its result; a file run alone
// does it for itself.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

const mine: string[] = [];
// Registered when this module loads (top level), so it runs once the whole test file is done.
after(() => Promise.all(mine.map((dir) => rm(dir, { recursive: true, force: true }))));

const inThisFile = new Map<string, Promise<unknown>>();

/**
 * `make(home)` once per run under the name, in a folder of its own (`home`);
 * its result must survive JSON. What it writes stays until the run ends.
 */
export function oncePerRun<T>(name: string, make: (home: string) => Promise<T>): Promise<T> {
  let result = inThisFile.get(name) as Promise<T> | undefined;
  if (!result) {
    const shared = process.env.GONGKAI_TEST_SHARED;
    result = shared
      ? acrossFiles(join(shared, name), make)
      : mkdtemp(join(tmpdir(), `gongkai-${name}-`)).then((home) => {
          mine.push(home);
          return make(home);
        });
    inThisFile.set(name, result);
  }
  return result;
}

async function acrossFiles<T>(home: string, make: (home: string) => Promise<T>): Promise<T> {
  const done = join(home, 'result.json');
  const failed = join(home, 'failed.txt');
  try {
    await mkdir(home, { recursive: false });
  } catch {
    // Another test file does it: wait (well under the limit).
    for (let waited = 0; waited < 600_000; waited += 200) {
      const result = await readFile(done, 'utf8').catch(() => undefined);
      if (result) return JSON.parse(result) as T;
      const error = await readFile(failed, 'utf8').catch(() => undefined);
      if (error !== undefined) throw new Error(`${home} failed in another test file:\n${error}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${home} was not done within 10 minutes`);
  }
  try {
    const result = await make(home);
    await writeFile(done, JSON.stringify(result));
    return result;
  } catch (error) {
    await writeFile(failed, String(error));
    throw error;
  }
}
