// Swedish texts of the backup area (same keys in backup.en.ts).
export const backupSv = {
  title: 'Säkerhetskopior',
  intro:
    'En säkerhetskopia är en fil med hela databasen: dataset, studier, förfrågningar, inställningar och logg. Filen innehåller en SHA-256-kontrollsumma som kontrolleras före återställning.',
  create: 'Skapa säkerhetskopia',
  creating: 'Skapar säkerhetskopia …',
  created: 'Säkerhetskopian sparades som {{path}} ({{size}}).',
  restore: 'Återställ från säkerhetskopia…',
  reading: 'Kontrollerar säkerhetskopian …',
  restoring: 'Återställer …',
  restored: 'Databasen återställdes från säkerhetskopian skapad {{date}}.',
  reload: 'Visa återställda data',
  preview: {
    title: 'Vad säkerhetskopian innehåller',
    created: 'Skapad {{date}} med Antal {{version}} (schemaversion {{schema}}), {{size}}.',
    caption: 'Antal poster per tabell nu och efter återställningen',
    table: 'Tabell',
    now: 'Nu',
    after: 'Efter återställning',
    change: 'Förändring',
    newest: 'Senast ändrad i kopian',
    noDate: '–',
    unchanged: 'oförändrat',
    warning: 'Återställningen ersätter allt som finns i databasen nu. Det som inte finns i säkerhetskopian går förlorat.',
    confirm: 'Ersätt nuvarande data med säkerhetskopian',
    cancel: 'Avbryt',
    cancelled: 'Ingenting återställdes.',
  },
  // The known tables' names are shared with the CLI (shared/backup/table-names.ts).
  tables: {
    other: 'Tabell {{name}}',
  },
  errors: {
    empty: 'Filen är tom (0 byte) och är ingen säkerhetskopia.',
    'not-a-backup': 'Filen är ingen Antal-säkerhetskopia ({{detail}}).',
    'unsupported-format': 'Säkerhetskopian har ett format som den här versionen av Antal inte kan läsa ({{detail}}). Uppdatera Antal.',
    'bad-header': 'Säkerhetskopians huvud är skadat: {{detail}}.',
    truncated: 'Säkerhetskopian är ofullständig, troligen avkortad vid kopiering: {{detail}}.',
    checksum: 'Säkerhetskopian är skadad: kontrollsumman stämmer inte ({{detail}}).',
    'newer-schema': 'Säkerhetskopian kommer från en nyare version av Antal ({{detail}}). Uppdatera Antal först.',
    corrupt: 'Säkerhetskopians innehåll kunde inte läsas: {{detail}}.',
    create: 'Säkerhetskopian kunde inte skapas: {{detail}}.',
    save: 'Säkerhetskopian kunde inte sparas: {{detail}}.',
    open: 'Filen kunde inte öppnas: {{detail}}.',
    restore: 'Återställningen misslyckades och ingenting ändrades: {{detail}}.',
    audit: '(Händelsen kunde inte skrivas i loggen: {{detail}}.)',
  },
  auto: {
    title: 'Automatiska säkerhetskopior',
    description:
      'Skrivbordsappen sparar en säkerhetskopia när den avslutas och en gång per dygn. I mappen {{directory}} sparas de {{last}} senaste, den senaste från var och en av de {{daily}} senaste dagarna och från var och en av de {{weekly}} senaste veckorna med en säkerhetskopia. Återställ dem med knappen ovan.',
    descriptionNoFolder:
      'Skrivbordsappen sparar en säkerhetskopia när den avslutas och en gång per dygn. De {{last}} senaste sparas, den senaste från var och en av de {{daily}} senaste dagarna och från var och en av de {{weekly}} senaste veckorna med en säkerhetskopia.',
    last: 'Senaste automatiska säkerhetskopia: {{name}} ({{size}}).',
    web: 'I webbläsaren görs inga automatiska säkerhetskopior. Skapa en säkerhetskopia regelbundet och spara den på en säker plats.',
  },
} as const;
