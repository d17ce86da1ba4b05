import { isScalar, isSeq } from 'yaml';
import { pairOf, scalarText } from '../parse/yamlAccess';
import type { Rule } from './rule';

export const unsupportedVersion: Rule = {
  code: 'unsupported-version',
  defaultSeverity: 'error',
  example: 'isms: 2',
  summary: '`isms:` set to anything other than 1.',
  help: 'Version 1 is the only version of the .isms.yaml format. Write `isms: 1` or remove the line.',
  check(ctx) {
    const pair = pairOf(ctx.file.root, 'isms');
    if (!pair) return;
    const node = pair.value;
    if (isScalar(node) && node.value === 1) return;
    if (!node || (isScalar(node) && node.value === null)) {
      ctx.report(pair.key, 'The format version is empty. Write `isms: 1` or remove the line.');
      return;
    }
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() === '1') {
      ctx.report(node, 'The format version is written as text; it must be the number 1. Write `isms: 1` without quotes.');
      return;
    }
    const written = isScalar(node) ? `'${scalarText(node)}'` : isSeq(node) ? 'a list' : 'a mapping';
    ctx.report(node, `This file declares ISMS format version ${written}, but only version 1 exists. Write \`isms: 1\` or remove the line.`);
  },
};
