/**
 * Ids of the county shapes in the `@svg-maps/sweden` map (CC BY 4.0, Victor Cazanave), by county code.
 * The map data itself is imported where it is drawn (renderer, letter), so shared/ stays free of it.
 */
import type { CountyCode } from './regions';

export const SVG_MAP_IDS: Readonly<Record<CountyCode, string>> = {
  '01': 'stockholm',
  '03': 'uppsala',
  '04': 'sodermanland',
  '05': 'ostergotland',
  '06': 'jonkoping',
  '07': 'kronoberg',
  '08': 'kalmar',
  '09': 'gotland',
  '10': 'blekinge',
  '12': 'skane',
  '13': 'halland',
  '14': 'vastra gotaland',
  '17': 'varmland',
  '18': 'orebro',
  '19': 'vastmanland',
  '20': 'dalarna',
  '21': 'gavleborg',
  '22': 'vasternorrland',
  '23': 'jamtland',
  '24': 'vasterbotten',
  '25': 'norrbotten',
};

export const MAP_ATTRIBUTION = 'Map: @svg-maps/sweden by Victor Cazanave, CC BY 4.0';
