// Stored rows that the schema's upgrades read as well as the database: a module of their own so that an upgrade
// does not import the database that imports it.
import type { Study } from '../../../shared/criteria/study';

export interface StudyRecord {
  id: string;
  title: string;
  /** ISO timestamp. */
  updatedAt: string;
  /** Dataset ids the study is estimated from. */
  datasetIds: string[];
  study: Study;
}
