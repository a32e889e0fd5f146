// The components a report may use in its MDX body: this map is the allow-list.
import Duties from './Duties.astro';
import Fig from './Fig.astro';

export const authoringComponents = { Fig, Duties };
