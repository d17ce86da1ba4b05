import { isBlank, pairOf, stringOf } from '../parse/yamlAccess';
import { singletonIn } from './lifecycleFacts';
import type { Rule } from './rule';

export const auditorNotAccredited: Rule = {
  code: 'auditor-not-accredited',
  defaultSeverity: 'warning',
  example: 'certificationBody without accreditation',
  summary: '`certificationBody` without `accreditation`.',
  help: 'Only a certification body accredited under ISO/IEC 17021-1 and ISO/IEC 27006 by a national accreditation body (UKAS, ANAB, DAkkS, COFRAC …) issues certificates that customers and regulators recognise. Record the accreditation body in `accreditation`, or choose an accredited certification body.',
  check(ctx) {
    const body = singletonIn(ctx.model, 'certificationBody', ctx.file);
    if (!body || !isBlank(body.value, 'accreditation')) return;
    const pair = pairOf(body.value, 'accreditation');
    const value = pair?.value;
    // The empty value when it has a width (`""`); `accreditation:` alone has none, so its key.
    const at = value?.range && value.range[1] > value.range[0] ? value : pair ? pair.key : body.key;
    const name = stringOf(body.value, 'name');
    ctx.report(
      at,
      `${name ? `The certification body ${name}` : 'The certification body'} has no accreditation recorded. Certificates from a body that is not accredited (ISO/IEC 17021-1) are not widely recognised; name the accreditation body (e.g. UKAS, ANAB, DAkkS) in accreditation, or choose an accredited certification body.`,
    );
  },
};
