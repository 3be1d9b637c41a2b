import { z } from 'zod';
import { op } from '../define';
import { byId, none, text } from './common';
import { caseloadFilters, caseloadSort } from './students';

/** A saved caseload view: a named set of filters and a sort, picked again from the caseload. */
export const caseloadViewQuery = caseloadFilters.extend(caseloadSort.shape);
export type CaseloadViewQuery = z.output<typeof caseloadViewQuery>;

export interface CaseloadView {
  id: number;
  name: string;
  query: CaseloadViewQuery;
  updatedAt: string;
}

export const saveCaseloadViewInput = z.object({
  name: text(80).pipe(z.string().min(1, { message: 'Required' })),
  query: caseloadViewQuery,
  /** Replace a view of the same name instead of refusing with DUPLICATE. */
  replace: z.boolean().optional().default(false),
});

export const caseloadViewsContract = {
  caseloadViews: {
    list: op<CaseloadView[]>()(none),
    save: op<CaseloadView>()(saveCaseloadViewInput),
    remove: op<void>()(byId),
  },
};
