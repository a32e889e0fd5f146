// The Frictionless Tabular Data Package profile (JSON Schema, spec v1) as
// published on the npm registry in the package datapackage@1.1.10
// (lib/profiles/), fetched once with `npm pack` into the cache. Only that JSON
// file is used, checked with ajv: none of the package's code is installed or
// run (it is unmaintained, and its dependencies are not all permissively
// licensed); the spec v1 profile itself is final.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

const PACKAGE = 'datapackage@1.1.10';
const PROFILE = 'package/lib/profiles/tabular-data-package.json';
const CACHE = join(PROJECT_ROOT, 'node_modules/.cache/gongkai/frictionless');

export function tabularDataPackageProfile(): Record<string, unknown> {
  const file = join(CACHE, PROFILE);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', CACHE], {
      cwd: CACHE,
      encoding: 'utf8',
    }).trim();
    execFileSync('tar', ['-xzf', join(CACHE, tarball), '-C', CACHE, PROFILE]);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
