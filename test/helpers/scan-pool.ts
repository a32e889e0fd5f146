// One pool of check workers for a whole test file: scanContent starts its own
// otherwise, about a second per scan, and the fixture tests scan a hundred
// small trees. Closed when the file's tests are done (registered at load).
import { after } from 'node:test';
import { createScanPool, type ScanPool } from '../../src/scan/scan.ts';

let pool: ScanPool | undefined;
after(() => pool?.close());

export function testScanPool(): ScanPool {
  pool ??= createScanPool(2);
  return pool;
}
