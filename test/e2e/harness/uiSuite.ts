/**
 * The UI suite: what a person sees in the workbench, driven with Playwright on Debian's
 * Chromium against code-server, on a copy of examples/broken. Each step is a test with a
 * screenshot (test/e2e/screenshots/NN-step.png); a step for a feature the extension does
 * not contribute yet is reported pending with the reason.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CONTROLS } from '../../../server/src/core/catalog/annexA';
import { PHASE_DEFINITIONS } from '../../../server/src/core/phases/phaseTypes';
import type { CodeServer } from './codeServer';
import type { SuiteResult } from './extHostSuite';
import { ROOT, SCREENSHOTS, TODAY } from './paths';
import { delay, withTimeout } from './proc';
import type { Workspaces } from './workspaces';

interface Manifest {
  contributes?: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    walkthroughs?: { id: string; title: string }[];
  };
}

class Pending extends Error {}

interface Step {
  name: string;
  /** A reason when the feature is not there yet: the step is reported pending. */
  pendingIf?: () => string | undefined;
  run: (page: Page) => Promise<void>;
}

const STEP_TIMEOUT_MS = 60_000;
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

export async function runUiSuite(options: { browser: Browser; server: CodeServer; workspaces: Workspaces; out: string }): Promise<SuiteResult> {
  const { browser, server, workspaces } = options;
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const command = (id: string) => manifest.contributes?.commands?.find((c) => c.command === id);
  const commandTitle = (id: string) => {
    const c = command(id);
    return c ? `${c.category ? `${c.category}: ` : ''}${c.title}` : undefined;
  };
  const folder = workspaces.broken;
  const cliFindings = cliCheck(folder);

  fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const steps: Step[] = [
    {
      name: 'workbench opens the broken example',
      async run(page) {
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'soa.isms.yaml' }).waitFor({ timeout: 30_000 });
      },
    },
    {
      name: 'language mode is "ISMS YAML" for an .isms.yaml file',
      async run(page) {
        await openFile(page, 'soa.isms.yaml');
        await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'ISMS YAML' }).waitFor({ timeout: 20_000 });
      },
    },
    {
      name: "Problems panel lists the broken example's findings",
      async run(page) {
        await page.keyboard.press(`${mod}+Shift+M`);
        await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
        // the panel counts what `isms check` counts (hints are not counted)
        const expected = cliFindings.filter((f) => f.severity !== 'hint');
        const badge = page.locator('.part.panel .composite-bar .action-item', { hasText: 'Problems' }).locator('.badge-content');
        await waitForText(badge, String(expected.length), 30_000);
        // one row per file with findings, with that file's count
        await page.locator('.part.panel .title-actions .action-label[aria-label^="Collapse All"]').first().click();
        const perFile = new Map<string, number>();
        for (const f of expected) perFile.set(path.basename(f.file), (perFile.get(path.basename(f.file)) ?? 0) + 1);
        for (const [file, count] of perFile) {
          const row = page.locator('.markers-panel .monaco-list-row', { hasText: file }).first();
          await row.waitFor({ timeout: 20_000 });
          await waitForText(row.locator('.monaco-count-badge'), String(count), 10_000);
        }
        // and a finding's code is shown on its row
        await page.locator('.markers-panel .monaco-list-row', { hasText: [...perFile.keys()][0]! }).first().click();
        await page.keyboard.press('ArrowRight');
        await page.locator('.markers-panel .monaco-list-row', { hasText: expected[0]!.code }).first().waitFor({ timeout: 10_000 });
      },
    },
    {
      name: 'hover on a control id shows its title',
      async run(page) {
        await openFile(page, 'soa.isms.yaml');
        const { line, column } = locate(path.join(folder, 'soa.isms.yaml'), /- id: (A\.5\.2)\s*$/m);
        await goTo(page, line, column + 1);
        await page.keyboard.press(`${mod}+K`);
        await page.keyboard.press(`${mod}+I`);
        const title = CONTROLS.find((c) => c.id === 'A.5.2')!.title;
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: title });
        await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
      },
    },
    {
      name: 'ISMS activity-bar view shows the three phases',
      async run(page) {
        await page.keyboard.press('Escape');
        const title = manifest.contributes!.viewsContainers!.activitybar!.find((v) => v.id === 'isms')!.title;
        // the item's badge (steps needing attention) covers the icon's centre: click the item
        await page.locator('.activitybar .action-item', { has: page.locator(`.action-label[aria-label^="${title}"]`) }).first().click();
        for (const phase of PHASE_DEFINITIONS) {
          await page.locator('.sidebar .pane .monaco-list-row', { hasText: phase.title }).first().waitFor({ timeout: 30_000 });
        }
        // each step row shows the title and detail that `isms status --format json` prints
        const status = cliStatus(folder);
        for (const step of status.phases.flatMap((p) => p.steps)) {
          const row = page.locator('.sidebar .pane .monaco-list-row', { hasText: step.title }).first();
          await row.waitFor({ timeout: 10_000 });
          await waitForText(row.locator('.label-description'), step.detail, 10_000);
        }
      },
    },
    {
      name: 'command palette "Generate Statement of Applicability" creates the file',
      async run(page) {
        const target = path.join(folder, 'statement-of-applicability.md');
        fs.rmSync(target, { force: true });
        await runCommand(page, commandTitle('isms.generateSoa')!);
        // format pick, then the save dialog (VS Code for the Web: a path in the quick input)
        await pickQuickInput(page, 'Markdown');
        const input = page.locator('.quick-input-widget input');
        await waitForValue(input, /statement-of-applicability\.md$/, 20_000);
        await page.keyboard.press('Enter');
        await waitForFile(target, 20_000);
        const text = fs.readFileSync(target, 'utf8');
        if (!text.includes('A.5.1')) throw new Error(`the SoA written lacks A.5.1:\n${text.slice(0, 400)}`);
        const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'report', 'soa', '.', '--format', 'md'], { cwd: folder, encoding: 'utf8', env: { ...process.env, ISMS_TODAY: TODAY } });
        if (cli.status !== 0) throw new Error(`isms report soa failed: ${cli.stderr}`);
        if (cli.stdout !== text) throw new Error('the SoA written differs from `isms report soa --format md`');
        await page.locator('.tabs-container .tab', { hasText: 'statement-of-applicability' }).first().waitFor({ timeout: 20_000 });
      },
    },
    {
      name: 'the walkthrough opens',
      async run(page) {
        const walkthrough = manifest.contributes!.walkthroughs![0]!;
        const opener = commandTitle('isms.openWalkthrough');
        if (opener) await runCommand(page, opener);
        else {
          await runCommand(page, 'Welcome: Open Walkthrough...');
          await pickQuickInput(page, walkthrough.title);
        }
        await page.locator('.gettingStartedContainer', { hasText: walkthrough.title }).first().waitFor({ state: 'visible', timeout: 20_000 });
      },
    },
  ];

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0 };
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`, { timeout: 60_000 });
    for (const [index, step] of steps.entries()) {
      const shot = path.join(SCREENSHOTS, `${String(index + 1).padStart(2, '0')}-${slug(step.name)}.png`);
      const started = Date.now();
      try {
        const reason = step.pendingIf?.();
        if (reason) throw new Pending(reason);
        await withTimeout(step.run(page), STEP_TIMEOUT_MS, step.name);
        result.passed++;
        console.log(`  ✓ ${step.name} (${Date.now() - started} ms)`);
        await screenshot(page, shot);
      } catch (error) {
        if (error instanceof Pending) {
          result.pending++;
          console.log(`  - ${step.name} [pending: ${error.message}]`);
          continue;
        }
        result.failed++;
        console.log(`  ✗ ${step.name}\n${String((error as Error).message ?? error).split('\n').slice(0, 12).map((l) => `      ${l}`).join('\n')}`);
        await screenshot(page, shot.replace(/\.png$/, '-FAILED.png'));
        await page.keyboard.press('Escape').catch(() => undefined);
      }
    }
  } catch (error) {
    result.failed++;
    console.log(`  ✗ UI suite: ${(error as Error).message}`);
  } finally {
    await withTimeout(context.close(), 10_000, 'closing the browser context').catch(() => undefined);
  }
  console.log(`UI: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending`);
  return result;
}

// ── Workbench actions ────────────────────────────────────────────────────

/** F1 from the editor: the quick input, ready for `>command`, a file name or `:line`. */
async function quickInput(page: Page): Promise<Locator> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  return input;
}

async function runCommand(page: Page, title: string): Promise<void> {
  const input = await quickInput(page);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Waits for a quick input row with `label`, filters to it and accepts it. */
async function pickQuickInput(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible' });
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

/** Opens a file through quick open (F1's input without `>` is Go to File). */
async function openFile(page: Page, name: string): Promise<void> {
  const input = await quickInput(page);
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Go to Line/Column (1-based) in the active editor, through quick open's `:` mode. */
async function goTo(page: Page, line: number, column: number): Promise<void> {
  const input = await quickInput(page);
  await input.fill(`:${line}:${column}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `${line}` }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ state: 'visible' });
}

async function screenshot(page: Page, file: string): Promise<void> {
  await withTimeout(page.screenshot({ path: file, timeout: 15_000 }), 20_000, 'screenshot').catch((error: Error) => {
    console.log(`    (no screenshot: ${error.message})`);
  });
}

// ── Waiting with a deadline ──────────────────────────────────────────────

type Locator = ReturnType<Page['locator']>;

async function waitForText(locator: Locator, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.first().textContent({ timeout: 2_000 }).catch(() => '')) ?? '';
    if (last.trim() === text) return;
    await delay(200);
  }
  throw new Error(`expected "${text}", saw "${last.trim()}"`);
}

async function waitForValue(locator: Locator, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = await locator.first().inputValue({ timeout: 2_000 }).catch(() => '');
    if (pattern.test(last)) return;
    await delay(200);
  }
  throw new Error(`expected the input to match ${pattern}, saw "${last}"`);
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file) && fs.statSync(file).size > 0) return;
    await delay(200);
  }
  throw new Error(`${file} was not written within ${timeoutMs / 1000} s`);
}

// ── The oracle and the example ───────────────────────────────────────────

interface CliFinding {
  file: string;
  severity: string;
  code: string;
}

function cliCheck(folder: string): CliFinding[] {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], {
    cwd: folder, encoding: 'utf8', env: { ...process.env, ISMS_TODAY: TODAY },
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`isms check failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as CliFinding[];
}

/** `isms status --format json` of a folder. */
function cliStatus(folder: string): { phases: { steps: { title: string; detail: string; state: string }[] }[] } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'status', '.', '--format', 'json'], {
    cwd: folder, encoding: 'utf8', env: { ...process.env, ISMS_TODAY: TODAY },
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`isms status failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ReturnType<typeof cliStatus>;
}

/** 1-based line and column of the first capture group of `pattern` in `file`. */
function locate(file: string, pattern: RegExp): { line: number; column: number } {
  const text = fs.readFileSync(file, 'utf8');
  const match = pattern.exec(text);
  if (!match || match[1] === undefined) throw new Error(`${pattern} not in ${file}`);
  const offset = match.index + match[0].indexOf(match[1]);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
