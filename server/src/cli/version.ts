/** The CLI's version: the one in package.json (esbuild inlines the field). */
import { version } from '../../../package.json';

export const VERSION: string = version;
