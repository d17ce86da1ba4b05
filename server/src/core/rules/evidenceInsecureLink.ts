import { evidenceLinkRule } from './evidenceLink';

export const evidenceInsecureLink = evidenceLinkRule({
  code: 'evidence-insecure-link',
  defaultSeverity: 'warning',
  example: 'link: http://intranet/policy',
  summary: 'An evidence `link` that uses unencrypted `http:`.',
  help: 'Evidence fetched over http can be read or altered on its way, which an information-security auditor will notice first. Use the https:// address.',
});
