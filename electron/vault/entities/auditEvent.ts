import { EntitySchema } from 'typeorm';

export interface AuditEventRow {
  id: number;
  at: string;
  action: string;
  entityType: string | null;
  entityId: number | null;
  summary: string | null;
}

export const AuditEventEntity = new EntitySchema<AuditEventRow>({
  name: 'AuditEvent',
  tableName: 'audit_events',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    at: { type: 'text' },
    action: { type: 'text' },
    entityType: { name: 'entity_type', type: 'text', nullable: true },
    entityId: { name: 'entity_id', type: 'integer', nullable: true },
    summary: { type: 'text', nullable: true },
  },
});
