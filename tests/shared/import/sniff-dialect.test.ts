import { describe, expect, it } from 'vitest';
import { sniffDialect } from '../../../shared/import/sniff-dialect';

describe('sniffDialect', () => {
  it('is not fooled by decimal commas: ";" file where every line has as many commas', () => {
    const text = 'År;Region;Patienter/1000;Andel\r\n2020;Skåne;4,74;1,5\r\n2020;Kalmar;3,36;2,5\r\n2019;Skåne;2,74;0,5\r\n';
    const d = sniffDialect(text);
    expect(d.delimiter).toBe(';');
    expect(d.lineEnding).toBe('\r\n');
  });

  it('finds "," behind a quoted title line with a comma in it (SCB PxWeb)', () => {
    const text = '"Population by region, age and year"\r\n\r\n"region","age","2019"\r\n"01 Stockholm county","0 years",28474\r\n"01 Stockholm county","1 year",29033\r\n';
    expect(sniffDialect(text).delimiter).toBe(',');
  });

  it('finds tab and "|"', () => {
    expect(sniffDialect('a\tb\tc\n1\t2\t3\n4\t5\t6\n').delimiter).toBe('\t');
    expect(sniffDialect('a|b\n1|2\n3|4\n').delimiter).toBe('|');
  });

  it('prefers ";" on a tie', () => {
    const d = sniffDialect('a;b,c\n1;2,3\n');
    expect(d.delimiter).toBe(';');
    expect(d.evidence).toMatch(/tie/);
  });

  it('can be overridden', () => {
    expect(sniffDialect('a;b\n1;2\n', { delimiter: ',' }).delimiter).toBe(',');
  });

  it('reports LF line endings', () => {
    expect(sniffDialect('a;b\n1;2\n').lineEnding).toBe('\n');
  });
});
