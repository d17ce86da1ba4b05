/** Where the e2e harness finds the project and keeps its work. */
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const E2E = path.join(ROOT, 'test', 'e2e');
/** Git-ignored: code-server's install, the built tests, each run's profile and logs. */
export const WORK = path.join(E2E, '.work');
/** Git-ignored: one PNG per UI step. */
export const SCREENSHOTS = path.join(E2E, 'screenshots');
export const CODE_SERVER_ENTRY = path.join(WORK, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const EXTENSION_ID = 'isms-as-code.isms-yaml';
/** Every date rule judges as of this day, in the CLI and in the editor alike. */
export const TODAY = '2026-11-28';
export const CHROMIUM = process.env.ISMS_E2E_CHROMIUM ?? '/usr/bin/chromium';
