import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { pathToUri, uriToPath } from '../../server/src/core/uri';

describe('file URIs and paths', () => {
  const segment = fc.string({ unit: fc.constantFrom('a', 'B', '1', ' ', '%', '#', '?', 'é', '-', '.', '~', '!', '(', '*', '中'), minLength: 1, maxLength: 6 });

  it('round-trip every absolute path, with and without characters that need encoding', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = '/' + segments.join('/');
        assert.equal(uriToPath(pathToUri(path)), path);
      }),
      { seed: 27001, numRuns: 3000 },
    );
  });

  it('decode what VS Code encodes, and leave a malformed escape as written', () => {
    assert.equal(uriToPath('file:///a/b%20c/d'), '/a/b c/d');
    assert.equal(uriToPath('file:///plain/path.isms.yaml'), '/plain/path.isms.yaml');
    assert.equal(uriToPath('file:///a/100%25/x%zz'), '/a/100%/x%zz');
    assert.equal(uriToPath('file:///c%3A/Users/x'), 'c:/Users/x');
    assert.equal(uriToPath('file:///C:/Users/x'), 'C:/Users/x');
  });
});
