// One pool of check workers for a whole test file: scanContent starts its own
// otherwise, about a second per scan, and the fixture tests scan a hundred
// small trees. Closed when the file's tests are done (registered at load).
// The fixture tests assert what the rules decide, so a busy machine must not
// turn a large legal input (10,000 table rows, 5 s here) into a time-limit
// rejection: their pool allows a minute. The limits themselves are tested in
// test/unit/lib/worker-pool.test.ts and test/cli/build-stop.test.ts, and the
// spawned smoke tests run with the real ones.
import { after } from 'node:test';
import { createScanPool, type ScanPool } from '../../src/scan/scan.ts';

let pool: ScanPool | undefined;
after(() => pool?.close());

export function testScanPool(): ScanPool {
  pool ??= createScanPool(2, 60_000);
  return pool;
}
