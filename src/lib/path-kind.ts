// Whether a path is a directory, or a file (following links); false when it is missing.
import { stat } from 'node:fs/promises';

const kindIs = (path: string, test: (s: Awaited<ReturnType<typeof stat>>) => boolean): Promise<boolean> =>
  stat(path).then(test, () => false);

export const isDirectory = (path: string): Promise<boolean> => kindIs(path, (s) => s.isDirectory());
export const isFile = (path: string): Promise<boolean> => kindIs(path, (s) => s.isFile());
