/**
 * code-server: a real VS Code (server build, Node extension host) for the e2e tests.
 * Installed by scripts/e2e-install-code-server.sh into test/e2e/.work; each run gets its
 * own HOME, user-data and extensions folders, our .vsix installed with
 * --install-extension, and a free port on 127.0.0.1.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_SERVER_ENTRY, ROOT, TODAY } from './paths';
import { delay, freePort, run, startService, type Service } from './proc';

export interface Profile {
  home: string;
  /** Short (unix socket paths are limited to 107 characters): under the system's temp folder. */
  tmp: string;
  userData: string;
  extensions: string;
  /** Where the extension-host tests write their log and results. */
  out: string;
}

export function makeProfile(runDir: string): Profile {
  const profile = {
    home: path.join(runDir, 'home'),
    tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'isms-e2e-')),
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    out: path.join(runDir, 'out'),
  };
  for (const dir of Object.values(profile)) fs.mkdirSync(dir, { recursive: true });
  // Quiet, deterministic editor: no tips, no telemetry, no auto-save surprises.
  const settingsDir = path.join(profile.userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  fs.writeFileSync(path.join(settingsDir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
    'editor.hover.delay': 100,
    'git.enabled': false,
    'window.restoreWindows': 'none',
  }, null, 2));
  return profile;
}

/** The environment of code-server and so of its extension host and our language server. */
export function serverEnv(profile: Profile): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_')) delete env[key];
  return {
    ...env,
    HOME: profile.home,
    XDG_CONFIG_HOME: path.join(profile.home, '.config'),
    XDG_DATA_HOME: path.join(profile.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(profile.home, '.cache'),
    TMPDIR: profile.tmp,
    TMP: profile.tmp,
    TEMP: profile.tmp,
    ISMS_TODAY: TODAY,
    ISMS_E2E_OUT: profile.out,
    ISMS_E2E_ROOT: ROOT,
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    PORT: undefined,
  };
}

function commonArgs(profile: Profile): string[] {
  return ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--config', path.join(profile.home, 'code-server.yaml')];
}

export async function installVsix(profile: Profile, vsix: string): Promise<void> {
  fs.writeFileSync(path.join(profile.home, 'code-server.yaml'), 'auth: none\ncert: false\n');
  await run(process.execPath, [CODE_SERVER_ENTRY, ...commonArgs(profile), '--force', '--install-extension', vsix], {
    env: serverEnv(profile), cwd: profile.home, timeoutMs: 90_000, quiet: true,
  });
}

/** The folder --install-extension unpacked our extension into. */
export function installedExtensionDir(profile: Profile, id: string): string {
  const dir = fs.readdirSync(profile.extensions).find((d) => d.toLowerCase().startsWith(`${id.toLowerCase()}-`));
  if (!dir) throw new Error(`${id} is not in ${profile.extensions} after --install-extension`);
  return path.join(profile.extensions, dir);
}

export interface CodeServer {
  port: number;
  url: string;
  service: Service;
  logFile: string;
}

/** Starts code-server on a free port and waits until it answers; one retry (start-up only). */
export async function startCodeServer(profile: Profile, logDir: string): Promise<CodeServer> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 2; attempt++) {
    const port = await freePort();
    const logFile = path.join(logDir, `code-server-${attempt}.log`);
    const service = startService(process.execPath, [
      CODE_SERVER_ENTRY,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      ...commonArgs(profile),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--disable-proxy',
      '--ignore-last-opened',
      '--locale', 'en',
    ], { env: serverEnv(profile), cwd: profile.home, logFile });
    try {
      await waitUntilServing(port, service, 60_000);
      return { port, url: `http://127.0.0.1:${port}`, service, logFile };
    } catch (error) {
      lastError = error;
      await service.stop();
      console.log(`code-server did not start (attempt ${attempt}): ${(error as Error).message}`);
    }
  }
  throw lastError;
}

async function waitUntilServing(port: number, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | string | undefined;
  void service.exited.then((code) => (exited = code));
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`code-server exited with ${exited}:\n${service.output().slice(-3000)}`);
    if (await healthy(port)) return;
    await delay(250);
  }
  throw new Error(`code-server did not answer on port ${port} within ${timeoutMs / 1000} s:\n${service.output().slice(-3000)}`);
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}
