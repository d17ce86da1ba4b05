/**
 * The golden report files: every report of examples/acme in every format, as of
 * 2026-11-28 (the date the example is written for). `scripts/update-report-goldens.ts`
 * writes them; test/core/reports.test.ts compares against them.
 */
import * as path from 'node:path';
import { parseDate } from '../../server/src/core/dates';
import { REPORT_FORMATS, REPORT_KINDS, renderReport, type ReportFormat, type ReportKind } from '../../server/src/core/reports/index';
import { pathToUri } from '../../server/src/core/uri';
import { IsmsWorkspace } from '../../server/src/core/workspace/ismsWorkspace';
import { createDiskHost } from '../../server/src/node/diskHost';

export const GOLDEN_DIR = path.resolve(__dirname, '../fixtures/reports');
export const ACME_DIR = path.resolve(__dirname, '../../examples/acme');
export const ACME_TODAY = '2026-11-28';

export function acmeWorkspace(today = ACME_TODAY): IsmsWorkspace {
  const ws = new IsmsWorkspace({
    host: createDiskHost(),
    folderUri: pathToUri(ACME_DIR),
    today: () => parseDate(today)!,
    unusedSuppressionSeverity: 2,
  });
  ws.scan();
  return ws;
}

export interface Golden {
  kind: ReportKind;
  format: ReportFormat;
  file: string;
}

export const GOLDENS: readonly Golden[] = REPORT_KINDS.flatMap((kind) => REPORT_FORMATS.map((format) => ({ kind, format, file: `${kind}.${format}` })));

export function renderGolden(ws: IsmsWorkspace, golden: Golden): string {
  return renderReport(ws, golden.kind, golden.format);
}
