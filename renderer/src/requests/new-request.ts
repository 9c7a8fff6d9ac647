// Creating a request: one function for the Requests page's button, the keyboard shortcut and the menu command,
// so all three create the same blank request (or copy) with the same audit entry.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_STUDY } from '../../../shared/demo/study';
import type { FeasibilityRequest } from '../../../shared/requests/request';
import { useStoreContext } from './common';
import { createRequest } from './request-store';

/** Returns a function that creates a new request (or a copy of `copyOf`) and resolves to it. */
export function useCreateRequest(): (copyOf?: FeasibilityRequest) => Promise<FeasibilityRequest> {
  const { t } = useTranslation();
  const storeContext = useStoreContext();
  return useCallback(
    (copyOf?: FeasibilityRequest) => {
      const summary = copyOf ? t('requests.auditText.copied', { title: copyOf.title }) : t('requests.auditText.created');
      return createRequest(storeContext(), DEMO_STUDY, summary, copyOf);
    },
    [storeContext, t],
  );
}
