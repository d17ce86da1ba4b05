/**
 * Builds what the e2e run needs: the extension and its .vsix (through the project's
 * own scripts), and the extension-host test bundle (esbuild: one CommonJS file per test
 * file, `vscode` left to the extension host).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { E2E, ROOT } from './paths';
import { run } from './proc';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm run build`, then `npm run package` (or vsce directly before that script exists); returns the .vsix. */
export async function buildVsix(runDir: string): Promise<string> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string>; name: string; version: string };
  await run(npm, ['run', 'build'], { cwd: ROOT, timeoutMs: 120_000, quiet: true });
  const started = Date.now() - 1_000;
  if (pkg.scripts?.package) {
    await run(npm, ['run', 'package'], { cwd: ROOT, timeoutMs: 180_000, quiet: true });
    const made = findVsix([ROOT, path.join(ROOT, 'dist'), path.join(ROOT, 'out')], started);
    if (!made) throw new Error("'npm run package' made no new .vsix in the project folder, dist/ or out/");
    const copy = path.join(runDir, path.basename(made));
    fs.copyFileSync(made, copy);
    return copy;
  }
  // before the project had `npm run package`: the same vsce call (it reads .vscodeignore)
  const vsix = path.join(runDir, `${pkg.name}-${pkg.version}.vsix`);
  const args = ['--yes', '@vscode/vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '-o', vsix];
  await run('npx', args, { cwd: ROOT, timeoutMs: 180_000, quiet: true, env: { ...process.env, npm_config_yes: 'true' } });
  return vsix;
}

function findVsix(dirs: string[], since: number): string | undefined {
  const found = dirs
    .filter((dir) => fs.existsSync(dir))
    .flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.vsix')).map((f) => path.join(dir, f)))
    .map((file) => ({ file, mtime: fs.statSync(file).mtimeMs }))
    .filter((f) => f.mtime >= since)
    .sort((a, b) => b.mtime - a.mtime);
  return found[0]?.file;
}

/** Bundles test/e2e/exthost into `outdir` (index.js + *.e2e.js); returns index.js. */
export async function buildExtHostTests(outdir: string): Promise<string> {
  const src = path.join(E2E, 'exthost');
  fs.rmSync(outdir, { recursive: true, force: true });
  const entryPoints = fs.readdirSync(src).filter((f) => f === 'index.ts' || f.endsWith('.e2e.ts')).map((f) => path.join(src, f));
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's browser-only and optional requires
    logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent' },
  });
  return path.join(outdir, 'index.js');
}
