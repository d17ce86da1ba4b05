import { evidenceLinkRule } from './evidenceLink';

export const evidenceOutsideWorkspace = evidenceLinkRule({
  code: 'evidence-outside-workspace',
  defaultSeverity: 'error',
  example: 'link: ../../secrets.txt',
  summary: 'A relative evidence `link` that resolves outside the workspace folder (`../..`, or through a symbolic link).',
  help: 'Evidence outside the ISMS repository is not versioned with it, is missing from the copy an auditor receives, and may expose unrelated files. Move the evidence into the workspace and link it relative to the file that cites it.',
});
