// A worker for the pool's tests: answers, loops forever, eats memory, works
// (busily, without yielding) for the milliseconds asked, or says when it loaded.
const loadedAt = Date.now();

export default function misbehave(what: 'answer' | 'loop' | 'eat' | 'loadedAt' | { busyMs: number }): string {
  if (what === 'loadedAt') return String(loadedAt);
  if (what === 'loop') for (;;);
  if (what === 'eat') {
    const hoard: unknown[] = [];
    for (;;) hoard.push(new Array(1e5).fill(hoard.length));
  }
  if (typeof what === 'object') for (const end = Date.now() + what.busyMs; Date.now() < end;);
  return 'ok';
}
