/**
 * How a written control id is read: canonical 2022 (`A.5.15`), canonical 2013
 * (`A.9.2.1`), a recoverable misspelling (`5.10` read as a number, `a.5.1`, `A5.1`),
 * or something else. The three control-id rules and the quick fixes share this.
 */
import type { Scalar } from 'yaml';
import { getControl, getLegacyControl } from '../catalog';
import { scalarText } from '../parse/yamlAccess';

export type ControlIdReading =
  | { kind: 'valid'; id: string }
  | { kind: 'legacy'; id: string }
  | { kind: 'misformatted'; written: string; replacement: string; readAsNumber: boolean }
  | { kind: 'unknown'; written: string };

const CANONICAL = /^A\.\d+\.\d+(?:\.\d+)?$/;
const LOOSE = /^\s*(?:[Aa]\s*\.?\s*)?0*(\d{1,2})\s*\.\s*0*(\d{1,2})(?:\s*\.\s*0*(\d{1,2}))?\s*$/;

export function readControlId(node: Scalar): ControlIdReading {
  const written = scalarText(node);
  const readAsNumber = typeof node.value === 'number';
  const m = LOOSE.exec(written);
  if (!readAsNumber && CANONICAL.test(written)) {
    if (getControl(written)) return { kind: 'valid', id: written };
    if (getLegacyControl(written)) return { kind: 'legacy', id: written };
    // `A.05.01`: the prefix is right, the leading zeros are not.
    const replacement = m ? replacementOf(m) : undefined;
    if (replacement && replacement !== written && (getControl(replacement) || getLegacyControl(replacement))) {
      return { kind: 'misformatted', written, replacement, readAsNumber };
    }
    return { kind: 'unknown', written };
  }
  if (m) return { kind: 'misformatted', written, replacement: replacementOf(m), readAsNumber };
  return { kind: 'unknown', written };
}

function replacementOf(m: RegExpExecArray): string {
  return `A.${m[1]}.${m[2]}` + (m[3] !== undefined ? `.${m[3]}` : '');
}
