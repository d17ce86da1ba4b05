/**
 * The JSON schemas of `schemas/`, as data. Apart from the validator so that the build-time
 * validator generator can register them without loading the generated validator itself.
 */
import audits from '../../../../schemas/audits.schema.json';
import certificate from '../../../../schemas/certificate.schema.json';
import certificationBody from '../../../../schemas/certification-body.schema.json';
import common from '../../../../schemas/common.schema.json';
import evidence from '../../../../schemas/evidence.schema.json';
import isms from '../../../../schemas/isms.schema.json';
import nonconformities from '../../../../schemas/nonconformities.schema.json';
import organization from '../../../../schemas/organization.schema.json';
import people from '../../../../schemas/people.schema.json';
import risks from '../../../../schemas/risks.schema.json';
import scope from '../../../../schemas/scope.schema.json';
import soa from '../../../../schemas/soa.schema.json';

/** File name of the root schema; the section schemas are referenced from it by file name. */
export const ROOT_SCHEMA = 'isms.schema.json';

/**
 * Every schema file of `schemas/`, by file name. The files carry no `$id`: each is
 * registered under its file name, so the relative `$ref`s (`"soa.schema.json"`) resolve
 * the same way here as they do from disk in other editors.
 */
export const SCHEMA_FILES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = Object.freeze({
  'isms.schema.json': isms,
  'common.schema.json': common,
  'organization.schema.json': organization,
  'people.schema.json': people,
  'scope.schema.json': scope,
  'soa.schema.json': soa,
  'risks.schema.json': risks,
  'evidence.schema.json': evidence,
  'certification-body.schema.json': certificationBody,
  'audits.schema.json': audits,
  'nonconformities.schema.json': nonconformities,
  'certificate.schema.json': certificate,
});
