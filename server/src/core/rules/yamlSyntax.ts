import type { Rule } from './rule';

export const yamlSyntax: Rule = {
  code: 'yaml-syntax',
  defaultSeverity: 'error',
  example: 'name: \'O\'Neil\'',
  summary: 'YAML that does not parse, duplicate keys, a second document, custom tags or an alias explosion.',
  help: 'A file that does not parse cannot be checked, and YAML silently drops the first of two equal keys. Fix the syntax at the position shown.',
  check(ctx) {
    for (const finding of ctx.file.syntax) ctx.report([finding.start, finding.end], finding.message);
  },
};
