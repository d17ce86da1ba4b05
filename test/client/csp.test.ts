/**
 * Report webviews get a CSP that allows no script, whatever the report's HTML holds.
 */
import * as assert from 'node:assert/strict';
import { withCsp } from '../../client/src/csp';

describe('report webview CSP', () => {
  it('puts the policy first in <head>, with no script source', () => {
    const html = withCsp('<!DOCTYPE html><html lang="en"><head><title>SoA</title><style>p{}</style></head><body><p>x</p></body></html>', 'vscode-resource:');
    assert.match(html, /^<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/);
    const policy = /content="([^"]+)"/.exec(html)![1]!;
    assert.match(policy, /default-src 'none'/);
    assert.doesNotMatch(policy, /script-src/);
    assert.match(policy, /style-src 'unsafe-inline'/);
  });

  it('wraps a fragment without <head>', () => {
    const html = withCsp('<p>hello</p>', 'vscode-resource:');
    assert.match(html, /^<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy"[^>]+><\/head><body><p>hello<\/p><\/body><\/html>$/);
  });

  it('does not mistake <header> for <head>', () => {
    const html = withCsp('<html><header>x</header></html>', 's');
    assert.ok(html.startsWith('<!DOCTYPE html><html><head><meta'));
  });
});
