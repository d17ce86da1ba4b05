/**
 * The model derived after an edit (`withFile`) must equal the model built from scratch
 * over the same files: every list in the same order, every index the same entries.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIsmsFile, type IsmsFile } from '../../server/src/core/parse/ismsFile';
import { WorkspaceModel } from '../../server/src/core/model/workspaceModel';
import { SINGLETON_SECTIONS, type IdKind, type RefKind } from '../../server/src/core/model/facts';

const KINDS: IdKind[] = ['person', 'evidence', 'audit', 'risk', 'nonconformity'];
const PEOPLE = ['jane', 'bob', 'alice'];
const EVIDENCE = ['EV-1', 'EV-2', 'EV-3'];

const section = fc.oneof(
  fc.subarray(PEOPLE).map((ids) => `people:\n${ids.map((id) => `  - id: ${id}\n    name: ${id}\n`).join('')}`),
  fc.tuple(fc.subarray(EVIDENCE), fc.constantFrom(...PEOPLE)).map(([ids, owner]) => `evidence:\n${ids.map((id) => `  - id: ${id}\n    title: t\n    owner: ${owner}\n`).join('')}`),
  fc.tuple(fc.subarray(['R-1', 'R-2']), fc.constantFrom(...PEOPLE)).map(([ids, owner]) => `risks:\n${ids.map((id) => `  - id: ${id}\n    owner: ${owner}\n    controls: [A.5.1]\n`).join('')}`),
  fc.subarray(['AU-1', 'AU-2']).map((ids) => `audits:\n${ids.map((id) => `  - id: ${id}\n    type: internal-audit\n    report: EV-1\n`).join('')}`),
  fc.subarray(['A.5.1', 'A.8.1']).map((ids) => `soa:\n  approvedBy: jane\n  controls:\n${ids.map((id) => `    - id: ${id}\n      evidence: [EV-2]\n`).join('')}`),
  fc.constantFrom('organization:\n  name: Acme\n', 'scope:\n  statement: all\n', 'certificate:\n  number: C-1\n', 'nonconformities: []\n'),
);
const fileText = fc.array(section, { maxLength: 4 }).map((parts) => parts.join(''));

function snapshot(model: WorkspaceModel) {
  const names = new Set(model.files.flatMap((file) => model.facts(file).sections.map((s) => s.name)));
  const citations = model.files.flatMap((file) => model.facts(file).citations);
  return {
    files: model.files.map((file) => file.uri),
    sections: [...names].sort().map((name) => [name, model.sections(name)]),
    singletons: SINGLETON_SECTIONS.map((name) => model.singleton(name)),
    items: KINDS.map((kind) => [kind, model.items(kind), [...model.ids(kind)], [...model.ids(kind)].map((id) => model.itemsWithId(kind, id))]),
    citations: citations.map((c) => model.citationsOf(c.kind as RefKind, c.value)),
    soa: model.soaEntries,
    byUri: model.files.map((file) => model.fileByUri(file.uri)),
  };
}

describe('WorkspaceModel.withFile', () => {
  it('equals a model built from scratch after any sequence of edits', () => {
    fc.assert(
      fc.property(
        fc.array(fileText, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), fileText, fc.boolean()), { maxLength: 12 }),
        (initial, edits) => {
          const files = new Map<string, IsmsFile>();
          initial.forEach((text, i) => files.set(`file:///ws/f${i}.isms.yaml`, parseIsmsFile(`file:///ws/f${i}.isms.yaml`, text, 1)));
          let model = new WorkspaceModel(files.values());
          let version = 1;
          for (const [which, text, warm] of edits) {
            // Indexes built on first use must be carried over as well as left for later.
            if (warm) snapshot(model);
            const uri = [...files.keys()][which % files.size]!;
            const file = parseIsmsFile(uri, text, ++version);
            files.set(uri, file);
            model = model.withFile(file);
            assert.deepStrictEqual(snapshot(model), snapshot(new WorkspaceModel(files.values())));
          }
        },
      ),
      { seed: 27001, numRuns: 300 },
    );
  });

  it('adds a file it did not hold', () => {
    const a = parseIsmsFile('file:///ws/a.isms.yaml', 'people:\n  - id: jane\n', 1);
    const b = parseIsmsFile('file:///ws/b.isms.yaml', 'people:\n  - id: jane\n', 1);
    const model = new WorkspaceModel([b]).withFile(a);
    assert.deepEqual(model.files.map((f) => f.uri), [a.uri, b.uri]);
    assert.equal(model.itemsWithId('person', 'jane').length, 2);
    assert.equal(model.item('person', 'jane')?.file, a);
  });
});
