import type { student as en } from '../en/student';
import type { Translation } from '../shape';

export const student: Translation<typeof en> = {
  backToCaseload: 'Estudiantes',
  archivedBanner: 'Este estudiante se archivó el {{date}}. Su registro se conserva; restáurelo para volver a trabajar con él.',
  archiveConfirmTitle: '¿Archivar a este estudiante?',
  archiveConfirmBody: 'El estudiante sale de su lista activa. No se elimina nada y puede restaurarlo en cualquier momento.',
  archived: 'Estudiante archivado.',
  restored: 'Estudiante restaurado.',
  saved: 'Guardado.',
  created: 'Estudiante agregado.',
  record: 'Registro del estudiante',
  fields: {
    firstName: 'Nombre legal',
    middleName: 'Segundo nombre',
    lastName: 'Apellido(s) legal(es)',
    preferredName: 'Nombre preferido',
    localId: 'ID local',
    stateId: 'ID estatal',
    birthDate: 'Fecha de nacimiento',
    gradeLevel: 'Grado',
    expectedGraduationYear: 'Año previsto de graduación',
    campusName: 'Escuela',
  },
  help: {
    localId: 'El número del distrito, tal como se emitió (se conservan los ceros iniciales).',
    stateId: 'En Texas, el identificador único de TSDS.',
    birthDate: 'Año, mes, día',
  },
  dialog: { addTitle: 'Agregar estudiante', editTitle: 'Editar estudiante' },
  duplicateLocalId: 'Otro estudiante ya tiene este ID local.',
  duplicateStateId: 'Otro estudiante ya tiene este ID estatal.',
  required: 'Obligatorio',
  invalidId: 'Use letras, dígitos, punto, guion o guion bajo.',
  invalidDate: 'Escriba una fecha real.',
  invalidYear: 'Escriba un año entre 1990 y 2100.',
  lastUpdated: 'Actualizado el {{date}}',
};
