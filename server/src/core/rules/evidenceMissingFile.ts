import { evidenceLinkRule } from './evidenceLink';

export const evidenceMissingFile = evidenceLinkRule({
  code: 'evidence-missing-file',
  defaultSeverity: 'warning',
  example: 'link: evidence/missing.pdf',
  summary: 'A relative evidence `link` whose file or folder does not exist (relative to the file that holds it; `#fragment` and `?query` ignored).',
  help: 'An auditor who follows the link finds nothing, so the claim it backs is unproven. Add the file to the workspace or correct the path, which is relative to the folder of the file that holds the link.',
});
