/**
 * The README's promises against the code: every rule is documented with its default
 * severity, and the commands the README gives are the ones CI runs.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, UNUSED_SUPPRESSION_INFO } from '../server/src/core/rules/index';

const root = path.resolve(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('has a row for every rule code with its default severity', () => {
    for (const rule of [...ALL_RULES, UNUSED_SUPPRESSION_INFO]) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.code}\` |`));
      assert.ok(row, `README has no row for ${rule.code}`);
      assert.equal(row.split('|')[2]!.trim(), rule.defaultSeverity, `default severity of ${rule.code}`);
    }
  });

  it('gives the test command that .ci/run runs', () => {
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    assert.match(readme, /```sh\nnpm ci && npm test\n```/);
    assert.match(ci, /^npm ci && npm test$/m);
  });
});

describe('docs/isms-format.md', () => {
  const shared = path.resolve(root, '../shared/spec/isms-format.md');
  (fs.existsSync(shared) ? it : it.skip)('is the current product specification from ../shared/spec', () => {
    assert.equal(fs.readFileSync(path.join(root, 'docs/isms-format.md'), 'utf8'), fs.readFileSync(shared, 'utf8'));
  });
});
