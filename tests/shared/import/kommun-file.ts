/**
 * A hand-made PxWeb-style file by municipality (SCB's default region level), shared by the tests of summing
 * municipalities into counties. The figures each test expects are added up by hand where it asserts them.
 */
/** Three counties: Stockholm with its own rows as well, Uppsala from two of its eight municipalities, Gotland (0980 = county 09). */
export const KOMMUN_LINES = [
  '"Patienter efter region, ålder och år"',
  '',
  '"region","ålder","år","Antal patienter"',
  '"0114 Upplands Väsby","0-64 år","2022",120', // line 4
  '"0114 Upplands Väsby","65+ år","2022",45',
  '"0180 Stockholm","0-64 år","2022",900',
  '"0180 Stockholm","65+ år","2022","X"', // 1–3
  '"01 Stockholms län","0-64 år","2022",1030', // line 8: the county row; its municipalities sum to 120 + 900 = 1020
  '"01 Stockholms län","65+ år","2022",47', // 45 + (1–3) = 46–48: consistent
  '"0380 Uppsala","0-64 år","2022",300', // line 10
  '"0380 Uppsala","65+ år","2022",80',
  '"0381 Enköping","0-64 år","2022",40',
  '"0381 Enköping","65+ år","2022","X"',
  '"0980 Gotland","0-64 år","2022",55', // line 14
  '"0980 Gotland","65+ år","2022",20',
];
