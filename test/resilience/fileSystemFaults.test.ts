/**
 * File-system faults through the real disk host and the scanner: missing files, folders
 * read as files, symbolic-link loops, names too long, unreadable files and folders, files
 * and folders removed in the middle of a scan, a workspace folder removed altogether. Each
 * ends as `undefined`, an "unreadable" entry or a skipped file — never an exception.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseDate } from '../../server/src/core/dates';
import type { WorkspaceHost } from '../../server/src/core/host';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { scanWorkspace } from '../../server/src/core/workspace/scan';
import { createDiskHost } from '../../server/src/node/diskHost';

const TODAY = parseDate('2026-11-28')!;
const OK = 'people:\n  - id: alice\n    name: Alice\n';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function workspace(folder: string, host: WorkspaceHost = createDiskHost(), log?: (m: string) => void): IsmsWorkspace {
  return new IsmsWorkspace({ host, folderUri: pathToUri(folder), today: () => TODAY, unusedSuppressionSeverity: DiagnosticSeverity.Hint, log });
}

describe('resilience: file-system faults', function () {
  this.timeout(30_000);
  let dir: string;
  const at = (...parts: string[]) => path.join(dir, ...parts);
  const uri = (...parts: string[]) => pathToUri(at(...parts));

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-faults-')));
  });
  afterEach(() => {
    for (const p of [at('locked'), at('locked.isms.yaml')]) if (fs.existsSync(p)) fs.chmodSync(p, 0o755);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('the disk host answers undefined, never throws', () => {
    it('for a missing file (ENOENT), a folder (EISDIR) and a path through a file (ENOTDIR)', () => {
      fs.writeFileSync(at('file.isms.yaml'), OK);
      fs.mkdirSync(at('folder.isms.yaml'));
      const host = createDiskHost();
      for (const u of [uri('missing.isms.yaml'), uri('folder.isms.yaml'), uri('file.isms.yaml', 'inside.isms.yaml')]) {
        assert.equal(host.readFile(u), undefined, u);
      }
      assert.equal(host.stat(uri('missing.isms.yaml')), undefined);
      assert.equal(host.readDirectory(uri('file.isms.yaml')), undefined);
      assert.equal(host.realpath(uri('missing.isms.yaml')), undefined);
    });

    it('for symbolic-link loops (ELOOP): a link to itself and two links to each other', () => {
      fs.symlinkSync('self.isms.yaml', at('self.isms.yaml'));
      fs.symlinkSync('b.isms.yaml', at('a.isms.yaml'));
      fs.symlinkSync('a.isms.yaml', at('b.isms.yaml'));
      const host = createDiskHost();
      for (const name of ['self.isms.yaml', 'a.isms.yaml', 'b.isms.yaml']) {
        assert.equal(host.readFile(uri(name)), undefined);
        assert.equal(host.stat(uri(name)), undefined);
        assert.equal(host.realpath(uri(name)), undefined);
        assert.equal(host.readDirectory(uri(name)), undefined);
      }
    });

    it('for a name too long (ENAMETOOLONG), a malformed URI and a URI of another scheme', () => {
      const host = createDiskHost();
      for (const u of [uri('x'.repeat(5000) + '.isms.yaml'), 'file:///%zz%/a.isms.yaml', 'untitled:Untitled-1', 'https://example.com/a.isms.yaml', '']) {
        assert.doesNotThrow(() => {
          host.readFile(u);
          host.stat(u);
          host.readDirectory(u);
          host.realpath(u);
        }, u);
      }
    });

    it('for an unreadable file and folder (EACCES)', function () {
      if (isRoot || process.platform === 'win32') this.skip(); // root reads everything; the fake hosts below cover it
      fs.writeFileSync(at('locked.isms.yaml'), OK);
      fs.chmodSync(at('locked.isms.yaml'), 0);
      fs.mkdirSync(at('locked'));
      fs.chmodSync(at('locked'), 0);
      const host = createDiskHost();
      assert.equal(host.readFile(uri('locked.isms.yaml')), undefined);
      assert.equal(host.readDirectory(uri('locked')), undefined);
      const result = scanWorkspace(host, pathToUri(dir));
      assert.deepEqual(result.unreadable, [uri('locked')]);
    });
  });

  describe('the scanner', () => {
    it('ends on symbolic-link cycles between folders and lists each real file once', () => {
      fs.mkdirSync(at('sub'));
      fs.writeFileSync(at('sub', 'real.isms.yaml'), OK);
      fs.symlinkSync('..', at('sub', 'up'));
      fs.symlinkSync(at('sub'), at('sub', 'self'));
      fs.symlinkSync('loop.isms.yaml', at('loop.isms.yaml'));
      fs.symlinkSync('nowhere.isms.yaml', at('dangling.isms.yaml'));
      const result = scanWorkspace(createDiskHost(), pathToUri(dir));
      assert.deepEqual(result.uris, [uri('sub', 'real.isms.yaml')]);
      assert.equal(result.truncated, false);
      const ws = workspace(dir);
      ws.scan();
      assert.deepEqual(ws.uris(), [uri('sub', 'real.isms.yaml')]);
    });

    it('survives files and folders removed between listing and reading (ENOENT mid-scan)', () => {
      fs.mkdirSync(at('gone'));
      fs.writeFileSync(at('gone', 'x.isms.yaml'), OK);
      fs.writeFileSync(at('vanishing.isms.yaml'), OK);
      fs.writeFileSync(at('staying.isms.yaml'), OK);
      const disk = createDiskHost();
      // Removes the folder and a file right after the workspace folder has been listed.
      const host: WorkspaceHost = {
        ...disk,
        readDirectory(u) {
          const entries = disk.readDirectory(u);
          if (u === pathToUri(dir)) {
            fs.rmSync(at('gone'), { recursive: true });
            fs.rmSync(at('vanishing.isms.yaml'));
          }
          return entries;
        },
      };
      const logs: string[] = [];
      const ws = workspace(dir, host, (m) => logs.push(m));
      const result = ws.scan();
      assert.deepEqual(result.unreadable, [uri('gone')]);
      assert.deepEqual(ws.uris(), [uri('staying.isms.yaml')]);
      assert.ok(ws.diagnoseAll().every((r) => Array.isArray(r.diagnostics)));
    });

    it('treats a host that throws as unreadable, not as a crash', () => {
      const throwing: WorkspaceHost = {
        readFile: () => { throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }); },
        stat: () => { throw new Error('EIO'); },
        readDirectory: (u) => (u === pathToUri(dir) ? [{ name: 'sub', kind: 'directory' }, { name: 'l.isms.yaml', kind: 'symlink' }] : (() => { throw new Error('EACCES'); })()),
        realpath: () => { throw new Error('EIO'); },
      };
      const result = scanWorkspace(throwing, pathToUri(dir));
      assert.deepEqual(result, { uris: [], truncated: false, unreadable: [uri('sub')] });
    });

    it('skips a file the host cannot read (readFile answers undefined), checking the others', () => {
      fs.writeFileSync(at('a.isms.yaml'), OK);
      fs.writeFileSync(at('b.isms.yaml'), 'soa:\n  controls:\n    - id: A.5.1\n      applicable: true\n      justification: Needed for the ISMS, see the policy.\n      owner: alice\n');
      const disk = createDiskHost();
      const host: WorkspaceHost = { ...disk, readFile: (u) => (u.endsWith('a.isms.yaml') ? undefined : disk.readFile(u)) };
      const ws = workspace(dir, host);
      ws.scan();
      assert.deepEqual(ws.uris(), [uri('b.isms.yaml')]);
      // alice is defined in the unreadable file: the SoA's reference to her is now unknown.
      assert.ok(ws.diagnose(uri('b.isms.yaml'))!.diagnostics.some((d) => d.code === 'unknown-person'));
    });
  });

  describe('the workspace folder removed', () => {
    it('re-scans to an empty ISMS, forgets deleted files, and answers for them with nothing', () => {
      fs.writeFileSync(at('a.isms.yaml'), OK);
      const ws = workspace(dir);
      ws.scan();
      assert.equal(ws.uris().length, 1);
      fs.rmSync(dir, { recursive: true, force: true });
      ws.fileChangedOnDisk(uri('a.isms.yaml'));
      assert.deepEqual(ws.uris(), []);
      const again = ws.scan();
      assert.deepEqual(again.unreadable, [pathToUri(dir)]);
      assert.equal(ws.diagnose(uri('a.isms.yaml')), undefined);
      assert.doesNotThrow(() => ws.reloadConfig());
      fs.mkdirSync(dir); // for afterEach
    });
  });
});
