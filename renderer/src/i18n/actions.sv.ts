// Swedish texts of the actions area (same keys in actions.en.ts): undo offers, confirmations, empty states,
// inline validation.
export const actionsSv = {
  undo: {
    button: 'Ångra',
    dismiss: 'Stäng meddelandet om borttagningen',
  },
  site: {
    removed: '{{name}} togs bort ur prognosen.',
    restored: '{{name}} är tillbaka i prognosen.',
  },
  step: {
    restored: 'Steget "{{label}}" är tillbaka.',
  },
  clinic: {
    removed: '{{name}} togs bort ur klinikförteckningen.',
    restored: '{{name}} är tillbaka i klinikförteckningen.',
    auditRestored: 'Klinik återställd efter borttagning: {{name}}',
  },
  attachment: {
    restored: '{{name}} är tillbaka bland bilagorna.',
  },
  compileFile: {
    restored: '{{name}} är tillbaka i sammanställningen.',
  },
  datasetLoss: 'Datasetet med {{cells}} celler (SHA-256 {{sha}}…) och dess ursprungsuppgifter tas bort ur den lokala databasen.',
  progress: {
    cancel: 'Avbryt',
    cancelled: 'Avbrutet. Inget sparades.',
  },
  validation: {
    activation: 'Ange en månad från 0 till under {{months}}: rekryteringen pågår i {{months}} månader. Det senaste giltiga värdet används tills dess.',
    kept: 'Det senast sparade värdet behålls tills felet är rättat.',
  },
  empty: {
    datasets: {
      title: 'Inga dataset ännu',
      next: 'Importera en export från Socialstyrelsen, SCB eller ett register (CSV, TSV eller XLSX), eller släpp filen på sidan.',
      action: 'Importera den första filen…',
    },
    requests: {
      title: 'Inga förfrågningar ännu',
      next: 'Registrera sponsorns förfrågan för att få ett svarsdatum, en egen kriteriestudie och en granskningslogg.',
      action: 'Registrera den första förfrågan',
    },
    compile: {
      title: 'Börja med enheternas svarsfiler',
      next: 'Svarsfilerna är de JSON-filer som varje enhet exporterar under sitt svar.',
      action: 'Öppna en svarsfil…',
    },
    home: {
      title: 'Inget att räkna på ännu',
      action: 'Gå till Dataset',
    },
    sites: {
      title: 'Inga kliniker i prognosen',
      next: 'Lägg till minst en klinik med region och öppningsmånad för att få en rekryteringsprognos.',
    },
    steps: {
      title: 'Inga kriterier ännu',
      next: 'Lägg till protokollets första inklusionskriterium, till exempel diagnoskoderna.',
      action: 'Lägg till diagnoskoder',
    },
    audit: {
      title: 'Granskningsloggen är tom',
      next: 'Varje ändring av en förfrågan, import, inställning och brevexport skrivs hit. Registrera en förfrågan för att börja.',
      action: 'Gå till Förfrågningar',
    },
    auditFiltered: {
      title: 'Inga poster matchar filtret',
      next: 'Välj en annan typ eller ändra sökorden.',
      action: 'Visa alla poster',
    },
    letters: 'Inga brev har exporterats för det här svaret ännu. Exportera brevet ovan så sparas det här med sin SHA-256.',
  },
} as const;
