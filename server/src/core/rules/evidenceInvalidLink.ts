import { evidenceLinkRule } from './evidenceLink';

export const evidenceInvalidLink = evidenceLinkRule({
  code: 'evidence-invalid-link',
  defaultSeverity: 'error',
  example: 'link: javascript:alert(1)',
  summary: 'An evidence `link` that is empty, malformed, or uses a scheme other than https/http (`file:`, `javascript:`, `data:`, `mailto:` …).',
  help: 'Auditors follow every evidence link; one that cannot be opened, or that runs code instead of showing a document, proves nothing. Link a file in the workspace with a relative path, or an https:// page.',
});
