// Runs a command and measures what the benchmark reports: wall time, and the
// peak resident memory of the whole process tree (the build starts child
// processes, worker threads and Pagefind), sampled from /proc every 100 ms.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { childEnv } from '../../src/config.ts';

export interface Measured {
  status: number | null;
  seconds: number;
  peakRssMb: number;
  stdout: string;
  stderr: string;
}

async function children(pid: number): Promise<number[]> {
  const tasks = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return tasks.split(/\s+/).filter(Boolean).map(Number);
}

async function treeRssKb(pid: number): Promise<number> {
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop() as number;
    const status = await readFile(`/proc/${p}/status`, 'utf8').catch(() => '');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    queue.push(...(await children(p)));
  }
  return total;
}

export function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setInterval(() => {
      if (child.pid) void treeRssKb(child.pid).then((kb) => (peak = Math.max(peak, kb)));
    }, 100);
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ status, seconds: (performance.now() - start) / 1000, peakRssMb: peak / 1024, stdout, stderr });
    });
  });
}
