// Whether a path is a directory (following links); false when it is missing.
import { stat } from 'node:fs/promises';

export const isDirectory = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
