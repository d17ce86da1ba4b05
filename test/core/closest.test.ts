import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestMatches, editDistance, placeList, thousands } from '../../server/src/core/text/closest';

/** The plain dynamic programme, without the early exits, as the reference. */
function reference(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0.5 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

describe('"did you mean" distance', () => {
  it('equals the plain distance, and with a limit stops only above it', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', '-', '1', 'İ', 'ß'), maxLength: 8 });
    fc.assert(
      // Half steps too: the suggestions tighten their limit to the distance found so far.
      fc.property(text, text, fc.integer({ min: 0, max: 10 }).map((halves) => halves / 2), (a, b, limit) => {
        const exact = reference(a, b);
        assert.equal(editDistance(a, b), exact);
        const bounded = editDistance(a, b, limit);
        if (exact <= limit) assert.equal(bounded, exact);
        else assert.ok(bounded > limit);
      }),
      { seed: 27001, numRuns: 5000 },
    );
  });

  it('stays exact on long strings, after shorter and longer ones (its rows are reused and grown)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'İ', 'é'), minLength: 0, maxLength: 150 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        assert.equal(editDistance(a, b), reference(a, b));
      }),
      { seed: 27001, numRuns: 300 },
    );
  });

  it('suggests close ids, closest first, and nothing for a different word', () => {
    assert.deepEqual(closestMatches('EV-0012', ['EV-0021', 'EV-0012x', 'EV-9999', 'ev-0012']), ['EV-0012x', 'ev-0012', 'EV-0021']);
    assert.deepEqual(closestMatches('zoe', ['bob', 'jane']), []);
    // The Kelvin sign lowers to an ASCII k: a case difference, half a step each.
    assert.deepEqual(closestMatches('\u212a\u212aab', ['kkab']), ['kkab']);
  });
});

describe('"did you mean" suggestions', () => {
  it('are exactly the candidates within the limit, capped or not, by the plain distance, however the prefilter buckets them', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'A', 'b', '-', '1', 'İ', 'i', 'ß', 'k', 'K', '\u212a', '\u00ff', '\u017f', 'é'), maxLength: 9 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 40 }), fc.constantFrom(Infinity, 0, 1, 2), (input, candidates, cap) => {
        const limit = Math.min(cap, Math.max(1, Math.floor(input.length / 3)));
        const expected = candidates
          .map((c) => [c, reference(input, c)] as const)
          .filter(([, d]) => d <= limit)
          .sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))
          .slice(0, 3)
          .map(([c]) => c);
        assert.deepEqual(closestMatches(input, candidates, 3, cap), expected);
      }),
      { seed: 27001, numRuns: 5000 },
    );
  });
});

describe('place lists in messages', () => {
  it('group thousands with commas, as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 2994, 9999, 10000, 123456, 1234567, 1000000]) assert.equal(thousands(n), n.toLocaleString('en-US'));
  });

  it('name five places and count the rest', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    const named: string[] = [];
    const name = (place: string) => (named.push(place), place);
    assert.equal(placeList(six.slice(0, 5), 5, name), 'a, b, c, d, e');
    assert.equal(placeList(six, 6, name), 'a, b, c, d, e and 1 more place');
    assert.equal(placeList(six, 2999, name), 'a, b, c, d, e and 2,994 more places');
    assert.equal(placeList(six, 30, name, ''), 'a, b, c, d, e and 25 more');
    // Only the places named are described.
    assert.ok(!named.includes('f'));
  });
});
