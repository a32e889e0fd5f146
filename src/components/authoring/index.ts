// The components a report may use in its MDX body, by the names of the
// allow-list (allow-list.ts). Pages pass this map to <Content components>.
import type { AuthoringName } from './allow-list.ts';
import Duties from './Duties.astro';
import Fig from './Fig.astro';

export const authoringComponents = { Fig, Duties } satisfies Record<AuthoringName, unknown>;
