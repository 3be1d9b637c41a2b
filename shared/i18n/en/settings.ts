export const settings = {
  title: 'Settings',
  language: { title: 'Language', label: 'Language of the app' },
  autoLock: {
    title: 'Automatic lock',
    label: 'Lock after this long without activity',
    help: 'Waypoint also locks when you lock the computer or it goes to sleep.',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
  },
  passphrase: {
    title: 'Change passphrase',
    body: 'Your data stays encrypted with the same key; only the passphrase that unlocks it changes. Your recovery key keeps working.',
    current: 'Current passphrase',
    next: 'New passphrase',
    confirm: 'Repeat new passphrase',
    submit: 'Change passphrase',
    done: 'Passphrase changed.',
  },
  backup: {
    title: 'Backup',
    body: 'Makes an encrypted copy of the whole vault in a folder you choose — for example a school-issued encrypted USB drive — and checks that the copy opens.',
    submit: 'Back up now…',
    done: 'Backup saved and verified: {{folder}}',
  },
  vault: { title: 'Vault', location: 'Location' },
  about: { title: 'About Waypoint', version: 'Version {{version}}' },
};
