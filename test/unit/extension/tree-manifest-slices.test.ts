import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/findings';
import { LineIndex } from '../../../src/core/text/line-index';
import { moveFindings, sliceSignature, treeManifestSlices } from '../../../src/extension/tree-manifest-slices';

const TEXT = '{\n  "name": "app",\n  "version": "1.0.0",\n  "scripts": { "build": "turbo run build" },\n  "dependencies": { "wrapper": "^1.0.0" }\n}\n';

/** Builds a finding on the first `needle` in `text`, with related locations on the first of each `related` word. */
function findingOn(text: string, needle: string, related: string[] = []): Finding {
  const locate = (word: string) => {
    const start = text.indexOf(word);
    assert.ok(start >= 0, word);
    return { range: { start, end: start + word.length }, ...new LineIndex(text).rangeOf(start, start + word.length) };
  };
  return {
    rule: 'native-transitive-dependency',
    severity: 'error',
    message: needle,
    ...locate(needle),
    related: related.length > 0 ? related.map((word) => ({ message: word, ...locate(word) })) : undefined,
  };
}

describe('treeManifestSlices', () => {
  it('returns name, scripts and dependency sections', () => {
    const slices = treeManifestSlices(TEXT);

    assert.deepEqual(slices.map((slice) => slice.key), ['name', 'scripts', 'dependencies']);
    assert.equal(slices[2].text, '"dependencies": { "wrapper": "^1.0.0" }');
    assert.equal(TEXT.slice(slices[2].offset, slices[2].offset + slices[2].text.length), slices[2].text);
  });

  it('returns nothing for text that is not an object', () => {
    assert.deepEqual(treeManifestSlices('[1, 2]'), []);
    assert.deepEqual(treeManifestSlices(''), []);
  });

  it('tolerates a property being typed', () => {
    const slices = treeManifestSlices('{\n  "dependencies": { "wrapper": "^1.0.0" },\n  "dev\n}');

    assert.deepEqual(slices.map((slice) => slice.key), ['dependencies']);
  });

  it('signature ignores other properties', () => {
    const edited = TEXT.replace('"1.0.0"', '"2.0.0-beta.1"');

    assert.equal(sliceSignature(treeManifestSlices(edited)), sliceSignature(treeManifestSlices(TEXT)));
  });

  it('signature changes with a dependency', () => {
    const edited = TEXT.replace('^1.0.0', '^1.1.0');

    assert.notEqual(sliceSignature(treeManifestSlices(edited)), sliceSignature(treeManifestSlices(TEXT)));
  });
});

describe('moveFindings', () => {
  it('moves findings and related locations with an edit above them', () => {
    const edited = TEXT.replace('"version": "1.0.0",', '"version": "1.0.0",\n  "description": "two\\nlines",');
    const finding = findingOn(TEXT, '"wrapper"', ['"turbo run build"']);

    const moved = moveFindings([finding], treeManifestSlices(TEXT), treeManifestSlices(edited), edited);

    assert.ok(moved);
    assert.deepEqual(moved, [findingOn(edited, '"wrapper"', ['"turbo run build"'])]);
  });

  it('keeps findings without related locations that way', () => {
    const edited = `\n${TEXT}`;

    const moved = moveFindings([findingOn(TEXT, '"wrapper"')], treeManifestSlices(TEXT), treeManifestSlices(edited), edited);

    assert.deepEqual(moved, [findingOn(edited, '"wrapper"')]);
  });

  it('refuses slices that differ', () => {
    const edited = TEXT.replace('^1.0.0', '^2.0.0');

    assert.equal(moveFindings([findingOn(TEXT, '"wrapper"')], treeManifestSlices(TEXT), treeManifestSlices(edited), edited), undefined);
  });

  it('refuses a finding outside every slice', () => {
    const finding = findingOn(TEXT, '"version"');

    assert.equal(moveFindings([finding], treeManifestSlices(TEXT), treeManifestSlices(TEXT), TEXT), undefined);
  });
});
