import type { recoverySheet as en } from '../en/recoverySheet';
import type { Translation } from '../shape';

export const recoverySheet: Translation<typeof en> = {
  title: 'CLAVE DE RECUPERACIÓN DE WAYPOINT',
  created: 'Creada: {{date}}',
  folder: 'Carpeta de la bóveda: {{folder}}',
  warning: 'Cualquier persona con esta clave puede leer estos registros. Guárdela como un expediente estudiantil confidencial, lejos de la computadora.',
  useInApp: 'Para usarla en Waypoint: en la pantalla de desbloqueo elija "¿Olvidó su frase de contraseña? Use su clave de recuperación", escriba la clave y elija una nueva frase de contraseña.',
  itTitle: 'Para el departamento de tecnología del distrito (abrir la bóveda con herramientas estándar de SQLCipher):',
  itSteps: 'El archivo caseload.wpdb es una base de datos SQLCipher 4. La clave de recuperación, sin guiones, es su clave sin procesar de 256 bits. En el intérprete sqlcipher: PRAGMA cipher_compatibility = 4; PRAGMA key = "x\'<los 64 caracteres sin guiones>\'"; luego SELECT count(*) FROM students;',
};
