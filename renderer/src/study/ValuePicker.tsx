/**
 * A picker for values of any dimension of the linked data (a drug's ATC code, a diagnosis, a stage…): choose the
 * dimension, search by code or name, move through the list with the arrow keys and take a value with Enter.
 * The list shows the code hierarchy (ATC: N → N06 → N06B → N06BA → N06BA04), each value's count in the data and
 * whether a line is a group; picking gives the core's criterion and a readable label ("Läkemedel: N06BA04
 * Metylfenidat"). An ARIA combobox with a listbox: focus stays in the search field, the active option is announced.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Predicate } from '../../../shared/criteria/study';
import type { CatalogueDimension } from '../../../shared/answer/value-catalogue';
import type { Language } from '../../../shared/text/language';
import { formatCount } from '../format';
import { firstMatch, moveActive, optionLabel, optionPredicate, predicateDimensionKey, selectedOptionId, valueOptions, type ValueOption } from './value-options';

const MAX_SHOWN = 200;

export interface PickedValue {
  predicate: Predicate;
  label: string;
}

export function ValuePicker({ catalogue, current, onPick, onCancel, language }: { catalogue: readonly CatalogueDimension[]; current: Predicate | null; onPick: (picked: PickedValue) => void; onCancel?: () => void; language: Language }) {
  const { t } = useTranslation();
  const ids = { dimension: useId(), search: useId(), list: useId(), hint: useId(), status: useId() };
  const initialKey = (current && predicateDimensionKey(current, catalogue)) ?? catalogue[0]?.key ?? '';
  const [key, setKey] = useState(initialKey);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<number | null>(null);
  const dimension = catalogue.find((d) => d.key === key) ?? catalogue[0];
  const found = useMemo(() => (dimension ? valueOptions(dimension, query) : []), [dimension, query]);
  // A long list (every ICD-10 code of a register) is narrowed by searching rather than scrolled.
  const options = found.length > MAX_SHOWN ? found.slice(0, MAX_SHOWN) : found;
  if (!dimension) return <p className="hint">{t('study.picker.noDimensions')}</p>;
  const chosen = current ? selectedOptionId(dimension, current) : null;
  // Until the coordinator moves in the list, the first match is active (Enter after typing a code takes it).
  const activeIndex = active === null ? firstMatch(options) : Math.min(active, options.length - 1);
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined;
  const optionId = (o: ValueOption) => `${ids.list}-${o.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const pick = (o: ValueOption) => onPick({ predicate: optionPredicate(dimension, o), label: optionLabel(dimension, o, language) });
  const countText = (o: ValueOption) =>
    o.count.low === o.count.high ? t('study.picker.count', { count: formatCount(o.count.point, language) }) : t('study.picker.countRange', { low: formatCount(o.count.low, language), high: formatCount(o.count.high, language) });

  return (
    <fieldset className="plan value-picker" data-testid="value-picker">
      <legend>{t('study.picker.legend')}</legend>
      {catalogue.length > 1 && (
        <div className="field">
          <label htmlFor={ids.dimension}>{t('study.picker.dimension')}</label>
          <select
            id={ids.dimension}
            value={dimension.key}
            onChange={(e) => {
              setKey(e.target.value);
              setActive(null);
            }}
          >
            {catalogue.map((d) => (
              <option key={d.key} value={d.key}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.search}>{t('study.picker.search')}</label>
        <input
          id={ids.search}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded="true"
          aria-controls={ids.list}
          aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
          aria-describedby={ids.hint}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (activeOption) pick(activeOption);
            } else if (e.key === 'Escape') {
              if (query !== '') setQuery('');
              else onCancel?.();
              e.preventDefault();
            } else if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp'].includes(e.key)) {
              e.preventDefault();
              setActive(moveActive(options.length, activeIndex, e.key));
            }
          }}
        />
        <span id={ids.hint} className="hint">
          {t('study.picker.searchHint')}
        </span>
      </div>
      <p className="hint">
        {dimension.periods.length > 0 && t('study.picker.periods', { periods: dimension.periods.join(', ') })} {dimension.overlapping && t('study.picker.overlapping')}
      </p>
      <p id={ids.status} className="visually-hidden" role="status">
        {t('study.picker.results', { count: found.length })}
      </p>
      <ul id={ids.list} role="listbox" className="value-list" aria-label={t('study.picker.listLabel', { dimension: dimension.label })}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={optionId(o)}
            role="option"
            aria-selected={o.id === chosen}
            className={`value-option ${i === activeIndex ? 'active' : ''} ${o.group ? 'group' : ''}`}
            style={{ paddingInlineStart: `${(o.level - 1) * 1.1 + 0.4}rem` }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              pick(o);
            }}
          >
            <span className="value-code">{o.code}</span>
            {o.name && <span className="value-name"> {o.name}</span>}
            <span className="value-count">
              {' — '}
              {countText(o)}
              {o.group && <>, {t('study.picker.group', { count: o.values.length })}</>}
            </span>
          </li>
        ))}
      </ul>
      {options.length === 0 && <p className="hint">{t('study.picker.none')}</p>}
      {found.length > options.length && <p className="hint">{t('study.picker.more', { shown: options.length, count: found.length })}</p>}
      {onCancel && (
        <button type="button" className="button small" onClick={onCancel}>
          {t('study.picker.cancel')}
        </button>
      )}
    </fieldset>
  );
}
