import { evidenceLinkRule } from './evidenceLink';

export const evidenceAbsolutePath = evidenceLinkRule({
  code: 'evidence-absolute-path',
  defaultSeverity: 'warning',
  example: 'link: /home/alice/policy.pdf',
  summary: 'An evidence `link` that is an absolute local path (`/x/y`, `C:\\x`, `\\\\server\\share`, `~/x`).',
  help: 'An absolute path only works on the computer where it was written; an auditor, a colleague or the CI cannot open it. Keep the file in the workspace and link it with a path relative to the file that cites it.',
});
