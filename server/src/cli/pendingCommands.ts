/**
 * `isms report` and `isms status` (spec §6) are planned but not built yet. They are
 * registered so that the general help lists them and so that a script calling them
 * fails loudly (exit 2) instead of getting invented output.
 */
import type { Command } from './command';
import { EXIT_USAGE } from './io';

function pending(name: string, synopsis: string, summary: string): Command {
  const notice = `isms: '${name}' is not available yet in this version; only 'isms check' is. Planned usage: isms ${name} ${synopsis}\n`;
  return {
    name,
    synopsis,
    summary: `${summary} (not available yet)`,
    available: false,
    help: () => notice,
    run(_argv, io) {
      io.stderr(notice);
      return EXIT_USAGE;
    },
  };
}

export const reportCommand = pending(
  'report',
  'soa|pre-assessment|nonconformities [PATH] [--format md|html|csv] [-o FILE] [--force]',
  'Generate the SoA, pre-assessment or nonconformity report',
);

export const statusCommand = pending('status', '[PATH] [--format text|json]', 'Show the certification phase progress');
