import { SINGLETON_SECTIONS } from '../model/facts';
import { basenameUri } from '../uri';
import { PLACES_RELATED, placeList, placeName } from '../text/closest';
import type { Rule } from './rule';

export const duplicateSection: Rule = {
  code: 'duplicate-section',
  defaultSeverity: 'error',
  example: 'soa: in two files',
  summary: 'A singleton section (organization, scope, soa, certificationBody, certificate) defined in more than one file.',
  help: 'An ISMS has one scope, one Statement of Applicability, one certificate… When two files define the same section, only one can count. Keep the section in one file and delete the other.',
  check(ctx) {
    for (const section of ctx.facts.sections) {
      if (!(SINGLETON_SECTIONS as readonly string[]).includes(section.name)) continue;
      // Twice in one file is a duplicate key, which yaml-syntax reports; this rule is about files.
      const all = ctx.model.sections(section.name);
      const others = all.filter((s) => s.file !== section.file);
      if (others.length === 0) continue;
      const where = placeList(others, others.length, (s) => placeName(basenameUri(s.file.uri), s.file.lines.positionAt(s.key.range![0]).line));
      ctx.report(section.key, `The '${section.name}' section is also defined in ${where}. An ISMS has one ${section.name} section; keep it in one file.`, {
        related: others.slice(0, PLACES_RELATED).map((s) => ({ uri: s.file.uri, start: s.key.range![0], end: s.key.range![1], message: `other '${section.name}' section` })),
      });
    }
  },
};
