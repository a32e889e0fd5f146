// A small seeded generator (mulberry32): the same seed gives the same corpus
// on every machine, so benchmark runs are comparable.
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Distinct items, in a random order. */
  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    return out;
  }

  /** A decimal string with `scale` places between min and max: money without floats. */
  decimal(min: number, max: number, scale: number): string {
    const f = 10 ** scale;
    const units = this.int(Math.round(min * f), Math.round(max * f));
    const whole = Math.floor(units / f);
    const frac = String(units % f).padStart(scale, '0');
    return scale ? `${whole}.${frac}` : String(whole);
  }
}
