// A file's size as the download links show it: "146KB", "3.3MB", written the
// one way every number and its unit are (figureText).
import { figureText } from './figure.ts';

const KIB = 1024;
const MIB = 1024 * 1024;

export function fileSizeText(bytes: number): string {
  if (bytes < MIB) return figureText(String(Math.max(1, Math.round(bytes / KIB))), 'KB');
  return figureText((bytes / MIB).toFixed(1), 'MB');
}
