import type { backupSv } from './backup.sv';
import type { Widen } from './widen';

// English texts of the backup area (same keys as backup.sv.ts).
export const backupEn: Widen<typeof backupSv> = {
  title: 'Backups',
  intro:
    'A backup is one file holding the whole database: datasets, studies, requests, settings and log. It carries a SHA-256 checksum, which is verified before a restore.',
  create: 'Create backup',
  creating: 'Creating backup …',
  created: 'The backup was saved as {{path}} ({{size}}).',
  restore: 'Restore from backup…',
  reading: 'Checking the backup …',
  restoring: 'Restoring …',
  restored: 'The database was restored from the backup made {{date}}.',
  reload: 'Show the restored data',
  auditBackup: 'Backup created',
  auditRestore: 'Database restored from a backup',
  preview: {
    title: 'What the backup contains',
    created: 'Made {{date}} with Antal {{version}} (schema version {{schema}}), {{size}}.',
    caption: 'Records per table now and after the restore',
    table: 'Table',
    now: 'Now',
    after: 'After restore',
    change: 'Change',
    newest: 'Last changed in the backup',
    noDate: '–',
    unchanged: 'unchanged',
    warning: 'Restoring replaces everything in the database now. Whatever is not in the backup is lost.',
    confirm: 'Replace the current data with the backup',
    cancel: 'Cancel',
    cancelled: 'Nothing was restored.',
  },
  // The known tables' names are shared with the CLI (shared/backup/table-names.ts).
  tables: {
    other: 'Table {{name}}',
  },
  errors: {
    empty: 'The file is empty (0 bytes) and is not a backup.',
    'not-a-backup': 'The file is not an Antal backup ({{detail}}).',
    'unsupported-format': 'The backup has a format this version of Antal cannot read ({{detail}}). Update Antal.',
    'bad-header': "The backup's header is damaged: {{detail}}.",
    truncated: 'The backup is incomplete, probably cut short while copying: {{detail}}.',
    checksum: 'The backup is damaged: the checksum does not match ({{detail}}).',
    'newer-schema': 'The backup comes from a newer version of Antal ({{detail}}). Update Antal first.',
    corrupt: "The backup's contents could not be read: {{detail}}.",
    create: 'The backup could not be created: {{detail}}.',
    save: 'The backup could not be saved: {{detail}}.',
    open: 'The file could not be opened: {{detail}}.',
    restore: 'The restore failed and nothing was changed: {{detail}}.',
    audit: '(The event could not be written to the log: {{detail}}.)',
  },
  auto: {
    title: 'Automatic backups',
    description:
      'The desktop app saves a backup when it quits and once a day. Kept in the folder {{directory}}: the {{last}} newest, the newest of each of the last {{daily}} days and of each of the last {{weekly}} weeks with a backup. Restore them with the button above.',
    descriptionNoFolder:
      'The desktop app saves a backup when it quits and once a day. Kept: the {{last}} newest, the newest of each of the last {{daily}} days and of each of the last {{weekly}} weeks with a backup.',
    last: 'Last automatic backup: {{name}} ({{size}}).',
    web: 'The browser makes no automatic backups. Create a backup regularly and keep it in a safe place.',
  },
};
