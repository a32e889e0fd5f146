// The processes a command starts (the site's parts), each the leader of a
// process group of its own, so stopping one stops everything it started in
// turn (Astro's esbuild, Pagefind). Whatever is still running when this
// process exits, or when the command stops them, is killed with its group.
// If this process is killed outright (SIGKILL, no handler runs), a child that
// called stopWithParent() notices and stops its group itself.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { Worker } from 'node:worker_threads';

const running = new Set<ChildProcess>();

export function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}

/** Spawns `command` as a process group leader (pgid = its pid); the group is killed once the leader exits. */
export function spawnGroup(
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'detached'>,
): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.on('error', () => running.delete(child));
  child.on('exit', () => {
    running.delete(child);
    // What the leader started and left behind.
    killGroup(child);
  });
  return child;
}

function killChildren(): void {
  for (const child of running) killGroup(child);
}

/** Kills every process group this process started that is still running; resolves when their leaders have exited. */
export async function stopChildren(): Promise<void> {
  const leaders = [...running].filter((c) => c.pid !== undefined && c.exitCode === null && c.signalCode === null);
  const exited = leaders.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
  killChildren();
  await Promise.all(exited);
}

process.on('exit', killChildren);

/**
 * In a child: kills its own process group as soon as its parent is gone. A
 * worker thread watches, so a main thread busy for minutes (a pathological
 * page) cannot delay it.
 */
export function stopWithParent(): void {
  const watch = `
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid === parent) return;
      try {
        process.kill(-process.pid, 'SIGKILL');
      } catch {
        process.kill(process.pid, 'SIGKILL');
      }
    }, 250);
  `;
  new Worker(watch, { eval: true }).unref();
}
