import type { settings as en } from '../en/settings';
import type { Translation } from '../shape';

export const settings: Translation<typeof en> = {
  title: 'Configuración',
  language: { title: 'Idioma', label: 'Idioma de la aplicación' },
  autoLock: {
    title: 'Bloqueo automático',
    label: 'Bloquear tras este tiempo sin actividad',
    help: 'Waypoint también se bloquea cuando usted bloquea la computadora o esta entra en suspensión.',
    minutes_one: '{{count}} minuto',
    minutes_other: '{{count}} minutos',
  },
  passphrase: {
    title: 'Cambiar la frase de contraseña',
    body: 'Sus datos siguen cifrados con la misma clave; solo cambia la frase que la desbloquea. Su clave de recuperación sigue funcionando.',
    current: 'Frase de contraseña actual',
    next: 'Nueva frase de contraseña',
    confirm: 'Repita la nueva frase de contraseña',
    submit: 'Cambiar la frase de contraseña',
    done: 'Frase de contraseña cambiada.',
  },
  backup: {
    title: 'Copia de seguridad',
    body: 'Hace una copia cifrada de toda la bóveda en la carpeta que usted elija — por ejemplo, una memoria USB cifrada de la escuela — y comprueba que la copia se abre.',
    submit: 'Hacer copia ahora…',
    done: 'Copia guardada y verificada: {{folder}}',
  },
  vault: { title: 'Bóveda', location: 'Ubicación' },
  about: { title: 'Acerca de Waypoint', version: 'Versión {{version}}' },
};
