// Swedish texts of the letter area (same keys in letter.en.ts). The letter's own words are in shared/letter/texts.ts.
export const letterSv = {
  title: 'Svarsbrev',
  intro: 'Brevet (PDF) visar bara antal och intervall som röjandeskyddet tillåter. Varje exporterat brev sparas i Antal med sin SHA-256 och skrivs i loggen.',
  language: 'Brevets språk',
  languages: { sv: 'Svenska', en: 'Engelska' },
  preview: 'Förhandsgranska brev',
  export: 'Exportera brev…',
  rendering: 'Brevet skapas…',
  previewReady: 'Förhandsgranskningen visar brevet ({{size}}).',
  previewTitle: 'Förhandsgranskning av svarsbrevet (PDF)',
  exported: 'Brevet sparades: {{path}} (SHA-256 {{sha}}). Det finns sparat i Antal och i loggen.',
  errors: {
    disclosure: 'Brevet skapades inte: röjandeskyddet skulle brytas för {{cells}}. {{detail}}',
    policy: 'Röjandeskyddsregeln i inställningarna kan inte användas: {{detail}}',
    render: 'Brevet kunde inte skapas: {{detail}}',
    save: 'Brevet kunde inte sparas: {{detail}}',
    previewBlocked: 'Förhandsgranskningen kan inte visas: säkerhetspolicyn tillåter inte inbäddade PDF-filer. Exportera brevet och öppna filen för att läsa det.',
  },
} as const;
