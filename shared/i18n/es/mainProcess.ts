import type { dialogs as enDialogs, menu as enMenu } from '../en/mainProcess';
import type { Translation } from '../shape';

export const dialogs: Translation<typeof enDialogs> = {
  'open-vault': 'Abrir una carpeta de bóveda de Waypoint',
  'new-vault-parent': 'Elija dónde crear la carpeta de la bóveda',
  backup: 'Elija una carpeta para la copia de seguridad',
  'recovery-key': 'Guardar la clave de recuperación',
  'export-csv': 'Exportar como CSV',
  'export-pdf': 'Guardar como PDF',
  import: 'Elija los archivos que desea importar',
};

export const menu: Translation<typeof enMenu> = {
  file: 'Archivo',
  lock: 'Bloquear la bóveda',
  backup: 'Hacer copia de seguridad…',
  settings: 'Configuración…',
  quit: 'Salir de Waypoint',
  edit: 'Edición',
  view: 'Ver',
  window: 'Ventana',
  help: 'Ayuda',
  about: 'Acerca de Waypoint',
  caseload: 'Estudiantes',
};
