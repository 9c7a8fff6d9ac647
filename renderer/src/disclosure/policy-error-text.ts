// A stored policy that cannot be used, in the user's language: each problem by its code (the core's own messages
// are English), or that the stored value is not a policy at all.
import type { TFunction } from 'i18next';
import { StoredPolicyError } from '../../../shared/disclosure';

export function policyErrorText(t: TFunction, error: unknown): string {
  if (!(error instanceof StoredPolicyError)) return error instanceof Error ? error.message : String(error);
  if (error.problems.length === 0) return t('disclosure.settings.errors.not-a-policy');
  return error.problems.map((p) => `${t(`disclosure.settings.fields.${p.field}`)}: ${t(`disclosure.settings.errors.${p.code}`)}`).join(' ');
}
