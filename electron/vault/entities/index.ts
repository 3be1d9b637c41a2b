import { AuditEventEntity } from './auditEvent';
import { CampusEntity } from './campus';
import { StudentEntity } from './student';

/** Explicit list, never a glob: globs do not survive bundling. */
export const ENTITIES = [StudentEntity, CampusEntity, AuditEventEntity];

export { AuditEventEntity, CampusEntity, StudentEntity };
