// Every bad input of test/fixtures/bad/ is rejected clearly and publishes nothing.
import { rm } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { contentWith, readFixtures } from '../helpers/content.ts';
import { assertRejected, smokeRejected } from '../helpers/rejection.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

const cases = await readFixtures('bad');

describe('bad input', () => {
  for (const { name, fixture } of cases) {
    test(`${name}: ${fixture.title}`, async () => {
      const root = await contentWith(fixture.edits);
      cleanup.push(root);
      await assertRejected(root, fixture);
    });
  }
});

test('npm run check and npm run build refuse bad input (spawned once)', async () => {
  const { fixture } = cases.find((c) => c.name === 'figure-does-not-add-up') ?? cases[0]!;
  const root = await contentWith(fixture.edits);
  cleanup.push(root);
  await smokeRejected(root, fixture, cleanup);
});
