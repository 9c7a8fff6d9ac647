// A map of Sweden's 21 regions shaded by eligible patients (the county shapes: @svg-maps/sweden, CC BY 4.0).
import sweden from '@svg-maps/sweden';
import type { UiLanguage } from '../../../shared/ipc/contract';
import type { RegionEstimate } from '../../../shared/estimate/types';
import { regionByCode } from '../../../shared/regions/regions';
import { SVG_MAP_IDS } from '../../../shared/regions/svg-map';
import { formatCount, formatIntervalRange } from '../format';

/** Five classes from light to dark, by quintile, so a few large regions do not wash out the rest. */
const CLASSES = 5;

/** Quintile classes of the point estimates: class i holds the regions ranked in its fifth. */
function quantileClasses(values: number[]): { classOf(value: number): number; ranges: Array<[number, number]> } {
  const sorted = [...values].sort((a, b) => a - b);
  const uppers = Array.from({ length: CLASSES }, (_, i) => sorted[Math.min(sorted.length - 1, Math.ceil(((i + 1) * sorted.length) / CLASSES) - 1)] ?? 0);
  const classOf = (value: number) => {
    const index = uppers.findIndex((upper) => value <= upper);
    return index === -1 ? CLASSES - 1 : index;
  };
  const ranges = uppers.map((upper, i): [number, number] => {
    const members = sorted.filter((v) => classOf(v) === i);
    return [members[0] ?? upper, members[members.length - 1] ?? upper];
  });
  return { classOf, ranges };
}

export function RegionMap({ regions, title, language, legendTitle }: { regions: RegionEstimate[]; title: string; language: UiLanguage; legendTitle: string }) {
  const { classOf, ranges } = quantileClasses(regions.map((r) => Math.round(r.eligible.point)));
  const byId = new Map(regions.map((r) => [SVG_MAP_IDS[r.region], r]));
  return (
    <figure className="map">
      <svg viewBox={sweden.viewBox} role="img" aria-labelledby="region-map-title" className="map-svg">
        <title id="region-map-title">{title}</title>
        {sweden.locations.map((location) => {
          const region = byId.get(location.id);
          const name = region ? (language === 'sv' ? regionByCode(region.region).nameSv : regionByCode(region.region).nameEn) : location.name;
          return (
            <path key={location.id} d={location.path} className={region ? `map-region map-class-${classOf(Math.round(region.eligible.point))}` : 'map-region map-nodata'}>
              <title>
                {region ? `${name}: ${formatCount(region.eligible.point, language)} (${formatIntervalRange(region.eligible, language)})` : name}
              </title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <span className="map-legend-title">{legendTitle}</span>
        <ul className="map-legend">
          {ranges.map(([low, high], i) =>
            // Classes that share their members with a neighbour (few distinct values) are not listed twice.
            i > 0 && ranges[i - 1]?.[1] === high ? null : (
              <li key={i}>
                <span className={`map-swatch map-class-${i}`} aria-hidden="true" />
                {low === high ? formatCount(low, language) : `${formatCount(low, language)}–${formatCount(high, language)}`}
              </li>
            ),
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
