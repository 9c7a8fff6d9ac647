/**
 * The method description in Swedish and English: one source for the in-app method page and the letter's method
 * section, so the two can never disagree. Placeholders are `{name}` (filled by `fill` from the letter's texts).
 * Each section has an "applied" wording (with the answer's own parameters) and a "generic" one for when no
 * answer is at hand or the section does not apply to it; only applied wordings ever reach a letter.
 */
import type { Language } from '../text/language';

const sv = {
  title_data: 'Data och urvalskriterier',
  title_trend: 'Trend och framskrivning till rekryteringsperioden',
  methodTrendGeneric:
    'Om koordinatorn slår på framskrivningen skrivs antalet berättigade patienter fram från den sista dataperioden till mitten av rekryteringsperioden med en log-linjär trend över de senaste perioderna, med ett prediktionsintervall som vidgas med avståndet. Den är ett uttalat antagande och visas som en egen rad efter urvalsstegen; den vägras, med skälet, från färre än 3 perioder, över ett brott i serien eller längre än 3 × fönstrets längd.',
  methodTrendApplied: 'Framskrivningen används i det här svaret: {line}. Varje region, sjukvårdsregion, riket och rekryteringsprognosen räknas på de framskrivna antalen.',
  methodTrendRefused: 'Framskrivningen var påslagen men gjordes inte: {reason} Antalen är datas egna.',
  title_intervals: 'Vad intervallen betyder',
  title_independence: 'Andelar som multipliceras (oberoende)',
  title_forecast: 'Rekryteringsprognosen',
  title_verdict: 'Bedömningen av rekryteringsmöjligheterna',
  title_disclosure: 'Röjandeskydd och dolda värden',
  method1:
    'Antalet bygger på anonymiserade, aggregerade antal per region, diagnoskod, kön, åldersgrupp och period. Kriterier som data kan se tillämpades cell för cell; en åldersgrupp som bara delvis ligger inom en åldersgräns räknas först hel och får sedan en andel – ett antagande med källa (befolkningens eller en finare tabells åldersfördelning, annars jämnt över åren) och ett intervall, som visas som en egen rad i urvalsstegen och under Antaganden. Värden där en person kan finnas under flera (läkemedel, diagnoser) läggs inte ihop som om de vore olika personer: ett urval av flera sådana värden anges som ett intervall från det största värdet till summan. Perioden som antalet räknas från är en egenskap hos skattningen, inget urvalssteg. Maskerade celler i källan (t.ex. "X" = 1–3) ingår som intervall. En summerad rad i källan (ett kapitel, ett avsnitt) läggs aldrig ihop med sina egna delar; det den har utöver de delar som källan visar räknas som en egen rest, som ingår helt i ett kriterium som omfattar hela resten, inte alls i ett som bara omfattar de visade delarna, och annars som osäker (0 i låg- och punktvärdet, helt i det höga).',
  method2: 'Kriterier som data inte kan se tillämpades som andelar med ett rimligt intervall och en angiven källa (se Antaganden).',
  methodIntervals:
    'Varje antal anges med ett lågt värde, en punktskattning och ett högt värde. Intervallet rymmer alla antal som är förenliga med data och antagandena: maskerade celler, åldersgrupper som delvis ligger inom en åldersgräns och andelarnas intervall. Det är inget statistiskt konfidensintervall; punktskattningen räknar med varje antagandes punktvärde. Rikets antal är summan av regionernas.',
  methodIndependence:
    'Andelarna för {steps} har multiplicerats med varandra. Det förutsätter att kriterierna är oberoende, vilket sällan stämmer exakt; det verkliga antalet kan avvika mer än intervallet visar.',
  methodIndependenceGeneric:
    'När två eller fler kriterier tillämpas som andelar multipliceras andelarna med varandra. Det förutsätter att kriterierna är oberoende, vilket sällan stämmer exakt; det verkliga antalet kan då avvika mer än intervallet visar, och svaret visar en varning.',
  methodRecruitment:
    'Prognosen använder Poisson–gamma-modellen (Anisimov & Fedorov 2007): varje klinik rekryterar som en Poissonprocess vars takt är osäker och gammafördelad (formparameter {alpha}; en klinik med egen säkerhet har sin egen: låg, medel, hög säkerhet 1, 4, 16). Allt är beräknat exakt, inte simulerat: med given takt rekryterar en klinik ett Poissonfördelat antal under sin exponering, säsongsvikterna summerade från klinikens öppning till slutdatum; med gammafördelad takt blir antalet negativt binomialfördelat, och det totala antalet är faltningen av klinikernas fördelningar. Sannolikheten att nå målet är P(N ≥ målet) vid slutdatum, prediktionsintervallen är fördelningens kvantiler och tiden till målet följer av P(T ≤ t) = P(N(t) ≥ målet). Samma indata ger alltid samma siffror.',
  methodRecruitmentGeneric:
    'Prognosen använder Poisson–gamma-modellen (Anisimov & Fedorov 2007): varje klinik rekryterar som en Poissonprocess vars takt är osäker och gammafördelad. Formparametern anges för studien; en klinik med egen säkerhet får den efter hur säker uppskattningen är (låg, medel, hög säkerhet: 1, 4, 16). Allt är beräknat exakt, inte simulerat: en kliniks antal är negativt binomialfördelat över dess exponering (säsongsvikterna summerade från öppningen till slutdatum), det totala antalet är faltningen av klinikernas fördelningar, och tiden till målet följer av P(T ≤ t) = P(N(t) ≥ målet).',
  methodRanges:
    'Intervallen för {ranges} ingår i fördelningen, inte bara i ett sämsta och bästa fall: varje intervall tas som en tvådelad triangelfördelning (punktvärdet är det mest sannolika värdet och medianen, hälften av sannolikheten ligger på var sida och tätheten avtar linjärt till noll vid intervallets låga och höga värde). Sannolikheten och prediktionsintervallen är ett viktat medelvärde över {components} kombinationer av värden (Gauss–Legendre-kvadratur). Sannolikheten med alla intervall i sitt sämsta respektive bästa läge samtidigt anges också.',
  methodRangesGeneric:
    'Intervall som påverkar klinikernas takt (avhopp, och för kliniker som anges som andel av regionen även regionens antal, samtycke och screeningbortfall) ingår i fördelningen: varje intervall tas som en tvådelad triangelfördelning (punktvärdet är det mest sannolika värdet och medianen, tätheten avtar linjärt till noll vid intervallets ändar), och resultatet är ett viktat medelvärde över kombinationer av värden (kvadratur).',
  range_eligible: 'regionens möjliga deltagare',
  range_consent: 'samtycke',
  'range_screen-failure': 'screeningbortfall',
  range_dropout: 'avhopp',
  methodNoRanges: 'Inget intervall påverkar klinikernas takt i denna plan; osäkerheten om takten ligger i gammafördelningen.',
  methodSiteRate:
    'En kliniks takt är det antal patienter per månad som kliniken räknar med att inkludera när den är öppen, i en månad med normal aktivitet (samtycke och screeningbortfall ingår redan), gånger (1 − avhopp). Regionens möjliga deltagare per månad gånger samtycke, (1 − screeningbortfall) och (1 − avhopp) är taket för regionens kliniker tillsammans; en klinik som anger mer än hälften av taket får en varning, eftersom en regions patienter ses på fler ställen än en klinik. Sen öppning och sommarmånader med lägre aktivitet ingår.',
  methodStartMoved: 'Den planerade starten {planned} hade passerat när svaret beräknades; prognosen räknar från {today} till slutdatum {deadline}.',
  methodVerdict:
    'Bedömningen besvarar Early Feedback Form fråga 2 utifrån sannolikheten att nå rekryteringsmålet i tid: mycket goda om sannolikheten är minst {veryGood}, goda om den är minst {good}, annars små.',
  methodVerdictGeneric:
    'Bedömningen besvarar Early Feedback Form fråga 2 utifrån sannolikheten att nå rekryteringsmålet i tid: mycket goda om sannolikheten når den övre gränsen, goda om den når den undre, annars små. Gränserna visas vid bedömningen och kan ändras för varje studie.',
  methodDisclosure:
    'Enligt patientdatalagen (2008:355) lämnas endast antal eller intervall av personer ut, aldrig uppgifter om enskilda. Små antal redovisas enligt röjandeskyddsregeln {policy} (version {version}).',
  methodDisclosureGeneric:
    'Enligt patientdatalagen (2008:355) lämnas endast antal eller intervall av personer ut, aldrig uppgifter om enskilda. Små antal redovisas enligt den röjandeskyddsregel som valts för enheten.',
  methodHidden:
    'Ett antal under regelns gräns, även ena änden av ett intervall, skrivs som en gräns eller ett band i stället för sitt värde. Om ett dolt antal skulle kunna räknas fram ur andra utskrivna siffror (sjukvårdsregioner, riket, bortfallet mellan urvalsstegen) döljs fler siffror, tills inget dolt antal går att räkna fram. Summor är summor av de utskrivna siffrorna.',
} as const;

export type MethodTextKey = keyof typeof sv;

const en: Record<MethodTextKey, string> = {
  title_data: 'Data and eligibility criteria',
  title_trend: 'Trend and projection to the recruitment period',
  methodTrendGeneric:
    'When the coordinator turns the projection on, the eligible patients are projected from the data\'s last period to the middle of the recruitment period by a log-linear trend over the latest periods, with a prediction interval that widens with the distance. It is an explicit assumption and shown as its own line after the selection steps; it is refused, with the reason, from fewer than 3 periods, across a break in the series or further than 3 × the window\'s length.',
  methodTrendApplied: 'This answer uses the projection: {line}. Every region, healthcare region, the nation and the recruitment forecast are computed from the projected numbers.',
  methodTrendRefused: 'The projection was turned on but not made: {reason} The numbers are the data\'s own.',
  title_intervals: 'What the intervals mean',
  title_independence: 'Multiplied proportions (independence)',
  title_forecast: 'The recruitment forecast',
  title_verdict: 'The recruitment verdict',
  title_disclosure: 'Disclosure control and hidden values',
  method1:
    'The figures are based on anonymised aggregated counts by region, diagnosis code, sex, age band and period. Criteria the data can see were applied cell by cell; an age band that lies only partly within an age limit first counts whole and then takes a share – an assumption with a source (the age distribution of the population or of a finer table, else even over the years) and a range, shown as a line of its own in the attrition and under Assumptions. Values under which one person can appear several times (drugs, diagnoses) are not added as if they were different persons: a choice of several such values is given as an interval from the largest value to their sum. The period the count is taken from is a property of the estimate, not a step of the attrition. Cells masked in the source (e.g. "X" = 1–3) enter as intervals. A total row in the source (a chapter, a block) is never added to its own parts; what it holds beyond the parts the source shows is counted as a remainder of its own, wholly inside a criterion that covers all of the remainder, outside one that covers only the parts shown, and otherwise uncertain (0 in the low and point values, whole in the high).',
  method2: 'Criteria the data cannot see were applied as proportions with a plausible range and a stated source (see Assumptions).',
  methodIntervals:
    'Every count is given as a low value, a point estimate and a high value. The interval holds every count consistent with the data and the assumptions: masked cells, age bands that lie partly within an age limit and the ranges of the proportions. It is not a statistical confidence interval; the point estimate uses each assumption\'s point value. The national count is the sum of the regions.',
  methodIndependence:
    'The proportions for {steps} were multiplied together. This assumes the criteria are independent, which is rarely exactly true; the real number may differ by more than the interval shows.',
  methodIndependenceGeneric:
    'When two or more criteria are applied as proportions, the proportions are multiplied together. This assumes the criteria are independent, which is rarely exactly true; the real number may then differ by more than the interval shows, and the answer shows a warning.',
  methodRecruitment:
    'The projection uses the Poisson–gamma model (Anisimov & Fedorov 2007): each site recruits as a Poisson process whose rate is uncertain and gamma distributed (shape {alpha}; a site with its own certainty has its own: low, medium, high certainty 1, 4, 16). Everything is computed exactly, not simulated: given its rate, a site recruits a Poisson number of patients over its exposure, the seasonal weights summed from the site\'s opening to the deadline; with a gamma-distributed rate that number is negative binomial, and the total is the convolution of the sites\' distributions. The probability of reaching the target is P(N ≥ target) at the deadline, the prediction intervals are quantiles of that distribution and the time to the target follows from P(T ≤ t) = P(N(t) ≥ target). The same inputs always give the same figures.',
  methodRecruitmentGeneric:
    'The projection uses the Poisson–gamma model (Anisimov & Fedorov 2007): each site recruits as a Poisson process whose rate is uncertain and gamma distributed. The shape is set for the study; a site with its own certainty gets it from how certain that estimate is (low, medium, high certainty: 1, 4, 16). Everything is computed exactly, not simulated: a site\'s number is negative binomial over its exposure (the seasonal weights summed from its opening to the deadline), the total is the convolution of the sites\' distributions, and the time to the target follows from P(T ≤ t) = P(N(t) ≥ target).',
  methodRanges:
    'The ranges of {ranges} are part of the distribution, not only of a worst and a best case: each range is taken as a two-piece triangular distribution (the point value is the most likely value and the median, half of the probability lies on each side, and the density falls linearly to zero at the range\'s low and high ends). The probability and the prediction intervals are a weighted average over {components} combinations of values (Gauss–Legendre quadrature). The probability with every range at its worst and at its best end at once is also given.',
  methodRangesGeneric:
    'Ranges that move the sites\' rates (dropout, and for sites given as a share of their region also the region\'s count, consent and screen failure) are part of the distribution: each range is taken as a two-piece triangular distribution (the point value is the most likely value and the median, the density falls linearly to zero at the range\'s ends), and the result is a weighted average over combinations of values (quadrature).',
  range_eligible: 'the region\'s eligible patients',
  range_consent: 'consent',
  'range_screen-failure': 'screen failure',
  range_dropout: 'dropout',
  methodNoRanges: 'No range moves the sites\' rates in this plan; the uncertainty about the rates is in the gamma distribution.',
  methodSiteRate:
    'A site\'s rate is the number of patients a month the site expects to enrol once open, in a month of normal activity (consent and screen failure are already in it), times (1 − dropout). The region\'s eligible patients per month times consent, (1 − screen failure) and (1 − dropout) is the ceiling for the region\'s sites together; a site stating more than half of that ceiling is warned about, because a region\'s patients are seen at more places than one site. Late openings and summer months with lower activity are included.',
  methodStartMoved: 'The planned start {planned} had passed when the answer was computed; the projection runs from {today} to the deadline {deadline}.',
  methodVerdict:
    'The verdict answers Early Feedback Form question 2 from the probability of reaching the recruitment target in time: very good if the probability is at least {veryGood}, good if it is at least {good}, otherwise small.',
  methodVerdictGeneric:
    'The verdict answers Early Feedback Form question 2 from the probability of reaching the recruitment target in time: very good if the probability reaches the upper threshold, good if it reaches the lower one, otherwise small. The thresholds are shown with the verdict and can be changed for each study.',
  methodDisclosure:
    'Under the Swedish Patient Data Act (2008:355) only numbers or intervals of persons are disclosed, never data about individuals. Small numbers are shown according to the disclosure rule {policy} (version {version}).',
  methodDisclosureGeneric:
    'Under the Swedish Patient Data Act (2008:355) only numbers or intervals of persons are disclosed, never data about individuals. Small numbers are shown according to the disclosure rule chosen for the unit.',
  methodHidden:
    'A count below the rule\'s threshold, even one end of an interval, is printed as a limit or a band instead of its value. If a hidden count could be worked out from other printed figures (healthcare regions, the nation, the loss between selection steps), further figures are hidden until no hidden count can be worked out. Totals are sums of the printed figures.',
};

export const METHOD_TEXTS: Readonly<Record<Language, Readonly<Record<MethodTextKey, string>>>> = { sv, en };
