// Swedish texts of the ui area (same keys in ui.en.ts): themes and the error boundary.
export const uiSv = {
  theme: {
    label: 'Tema',
    system: 'Som systemet',
    light: 'Ljust',
    dark: 'Mörkt',
    hint: 'Som systemet följer Windows inställning för ljust eller mörkt läge. Nu visas: {{current}}.',
    toggle: 'Mörkt tema',
  },
  error: {
    pageTitle: 'Sidan kunde inte visas',
    appTitle: 'Antal stötte på ett fel',
    pageWhat: 'Ett fel i programmet hindrade den här sidan från att visas. Menyn överst fungerar fortfarande, så du kan gå till en annan sida.',
    appWhat: 'Ett fel i programmet hindrade Antal från att visa fönstrets innehåll.',
    saved:
      'Ditt arbete finns kvar: förfrågningar, studier, dataset och inställningar sparas i den här datorn så snart du ändrar dem. En ändring som gjordes mindre än en halv sekund före felet kan saknas – kontrollera din senaste ändring.',
    next: 'Försök igen. Om felet kommer tillbaka, spara en diagnostikrapport och skicka den till den som ansvarar för Antal hos er.',
    retry: 'Försök igen',
    reload: 'Ladda om',
    saveReport: 'Spara diagnostikrapport…',
    reportSaved: 'Diagnostikrapporten sparades: {{path}}',
    reportFailed: 'Diagnostikrapporten kunde inte sparas: {{reason}}',
    reportContents: 'Vad rapporten innehåller',
    reportPrivacy:
      'Versioner, plattform, språk, tema, vilken sorts sida som visades, felets typ, var i programkoden felet uppstod och antalet rader i varje tabell. Inga titlar, sponsorer, diagnoskoder, patientantal, filnamn eller id:n – och felmeddelandets text bara när det är ett av JavaScripts egna standardmeddelanden, utan namn och värden.',
  },
} as const;
