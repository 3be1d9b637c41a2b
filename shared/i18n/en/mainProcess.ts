/** Strings the main process shows: native dialog titles and the application menu. */
export const dialogs = {
  'open-vault': 'Open a Waypoint vault folder',
  'new-vault-parent': 'Choose where to create the vault folder',
  backup: 'Choose a folder for the backup',
  'recovery-key': 'Save the recovery key',
  'export-csv': 'Export as CSV',
  'export-pdf': 'Save as PDF',
  import: 'Choose files to import',
};

export const menu = {
  file: 'File',
  lock: 'Lock vault',
  backup: 'Back up vault…',
  settings: 'Settings…',
  quit: 'Quit Waypoint',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: 'About Waypoint',
  caseload: 'Caseload',
};
