export const recoverySheet = {
  title: 'WAYPOINT RECOVERY KEY',
  created: 'Created: {{date}}',
  folder: 'Vault folder: {{folder}}',
  warning: 'Anyone with this key can read this caseload. Keep it like a confidential student record, away from the laptop.',
  useInApp: 'To use it in Waypoint: on the unlock screen choose "Forgot your passphrase? Use your recovery key", type the key, and choose a new passphrase.',
  itTitle: 'For district IT (opening the vault with standard SQLCipher tools):',
  itSteps: 'The file caseload.wpdb is a SQLCipher 4 database. The recovery key, without dashes, is its raw 256-bit key. In the sqlcipher shell: PRAGMA cipher_compatibility = 4; PRAGMA key = "x\'<the 64 characters without dashes>\'"; then SELECT count(*) FROM students;',
};
