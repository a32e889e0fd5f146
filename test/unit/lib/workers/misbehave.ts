// A worker for the pool's tests: answers, loops forever, eats memory, or
// works (busily, without yielding) for the milliseconds asked.
export default function misbehave(what: 'answer' | 'loop' | 'eat' | { busyMs: number }): string {
  if (what === 'loop') for (;;);
  if (what === 'eat') {
    const hoard: unknown[] = [];
    for (;;) hoard.push(new Array(1e5).fill(hoard.length));
  }
  if (typeof what === 'object') for (const end = Date.now() + what.busyMs; Date.now() < end;);
  return 'ok';
}
