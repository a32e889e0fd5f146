// A worker for the pool's tests: answers, loops forever, or eats memory, as asked.
export default function misbehave(what: 'answer' | 'loop' | 'eat'): string {
  if (what === 'loop') for (;;);
  if (what === 'eat') {
    const hoard: unknown[] = [];
    for (;;) hoard.push(new Array(1e5).fill(hoard.length));
  }
  return 'ok';
}
