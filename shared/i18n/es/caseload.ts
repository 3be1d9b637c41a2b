import type { caseload as en } from '../en/caseload';
import type { Translation } from '../shape';

export const caseload: Translation<typeof en> = {
  title: 'Estudiantes',
  searchLabel: 'Buscar por nombre o número de identificación',
  addStudent: 'Agregar estudiante',
  status: { label: 'Mostrar', active: 'Activos', archived: 'Archivados', all: 'Todos' },
  grades: { label: 'Grado', all: 'Todos los grados' },
  count_one: '{{count}} estudiante',
  count_other: '{{count}} estudiantes',
  columns: {
    name: 'Nombre',
    localId: 'ID local',
    stateId: 'ID estatal',
    grade: 'Grado',
    graduationYear: 'Año de graduación',
    campus: 'Escuela',
  },
  empty: 'Aún no hay estudiantes. Agregue su primer estudiante para comenzar.',
  noMatch: 'Ningún estudiante coincide con esta búsqueda y filtro.',
  archivedTag: 'Archivado',
  preferredAs: 'prefiere {{name}}',
};
