import { EntitySchema } from 'typeorm';

export interface CampusRow {
  id: number;
  sourceId: string | null;
  name: string;
  createdAt: string;
}

export const CampusEntity = new EntitySchema<CampusRow>({
  name: 'Campus',
  tableName: 'campuses',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    sourceId: { name: 'source_id', type: 'text', nullable: true },
    name: { type: 'text' },
    createdAt: { name: 'created_at', type: 'text' },
  },
});
