/**
 * A picker for values of any dimension of the linked data (a drug's ATC code, a diagnosis, a stage…): choose the
 * dimension, search by code or name, move with the arrow keys and take a value with Enter. A coded dimension is a
 * tree (ATC: N → N06 → N06B → N06BA → N06BA04; ICD-10 chapter → block → code) with each node's count in the data,
 * groups opened and closed (the WAI-ARIA tree pattern: role tree/treeitem, aria-level, aria-expanded; in the tree
 * right opens, left closes, Home/End go to the ends); a search shows the matches with the lines above them open.
 * Other dimensions are a flat listbox. The search field is a combobox over the tree or list: the first match is
 * active, arrows move it and Enter takes it, so typing a code and Enter is enough. Picking gives the core's
 * criterion and a readable label ("Läkemedel: N06BA04 Metylfenidat").
 */
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Predicate } from '../../../shared/criteria/study';
import type { CatalogueDimension } from '../../../shared/answer/value-catalogue';
import type { Language } from '../../../shared/text/language';
import { formatCount } from '../format';
import { firstMatch, moveActive, optionLabel, optionPredicate, predicateDimensionKey, selectedOptionId, treeKey, treeRows, type ValueOption } from './value-options';
import { StatusLine } from '../ui/StatusLine';

const MAX_SHOWN = 200;

export interface PickedValue {
  predicate: Predicate;
  label: string;
}

export function ValuePicker({ catalogue, current, onPick, onCancel, language }: { catalogue: readonly CatalogueDimension[]; current: Predicate | null; onPick: (picked: PickedValue) => void; onCancel?: () => void; language: Language }) {
  const { t } = useTranslation();
  const ids = { dimension: useId(), search: useId(), list: useId(), hint: useId(), treeHint: useId(), status: useId() };
  const initialKey = (current && predicateDimensionKey(current, catalogue)) ?? catalogue[0]?.key ?? '';
  const [key, setKey] = useState(initialKey);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<number | null>(null);
  // The user's openings and closings of groups, for this dimension and search.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const dimension = catalogue.find((d) => d.key === key) ?? catalogue[0];
  const found = useMemo(() => (dimension ? treeRows(dimension, query, toggled) : []), [dimension, query, toggled]);
  // A long list (every ICD-10 code of a register) is narrowed by searching rather than scrolled.
  const options = found.length > MAX_SHOWN ? found.slice(0, MAX_SHOWN) : found;
  if (!dimension) return <p className="hint">{t('study.picker.noDimensions')}</p>;
  const chosen = current ? selectedOptionId(dimension, current) : null;
  // Until the coordinator moves in the list, the first match is active (Enter after typing a code takes it).
  const activeIndex = active === null ? firstMatch(options) : Math.min(active, options.length - 1);
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined;
  const optionId = (o: ValueOption) => `${ids.list}-${o.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const pick = (o: ValueOption) => onPick({ predicate: optionPredicate(dimension, o), label: optionLabel(dimension, o, language) });
  const isTree = dimension.tree !== null;
  const toggle = (id: string, open: boolean) => setToggled((m) => new Map(m).set(id, open));
  const onTreeKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (activeOption) pick(activeOption);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel?.();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageDown', 'PageUp'].includes(e.key)) return;
    e.preventDefault();
    const next = treeKey(options, activeIndex, e.key);
    if (next.toggle) toggle(next.toggle.id, next.toggle.open);
    setActive(next.active);
  };
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
              setToggled(new Map());
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
          aria-haspopup={isTree ? 'tree' : 'listbox'}
          aria-expanded="true"
          aria-controls={ids.list}
          aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
          aria-describedby={ids.hint}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(null);
            setToggled(new Map());
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
      <StatusLine id={ids.status} className="visually-hidden">
        {t('study.picker.results', { count: found.length })}
      </StatusLine>
      {isTree && (
        <p id={ids.treeHint} className="hint">
          {t('study.picker.treeHint')}
        </p>
      )}
      <ul
        id={ids.list}
        role={isTree ? 'tree' : 'listbox'}
        className="value-list"
        aria-label={t('study.picker.listLabel', { dimension: dimension.label })}
        {...(isTree ? { tabIndex: 0, 'aria-activedescendant': activeOption ? optionId(activeOption) : undefined, 'aria-describedby': ids.treeHint, onKeyDown: onTreeKey } : {})}
      >
        {options.map((o, i) => (
          <li
            key={o.id}
            id={optionId(o)}
            role={isTree ? 'treeitem' : 'option'}
            aria-selected={o.id === chosen}
            {...(isTree ? { 'aria-level': o.level, 'aria-setsize': o.setSize, 'aria-posinset': o.posInSet, ...(o.expandable ? { 'aria-expanded': o.expanded } : {}) } : {})}
            className={`value-option ${i === activeIndex ? 'active' : ''} ${o.group ? 'group' : ''}`}
            style={{ paddingInlineStart: `${(o.level - 1) * 1.1 + 0.4}rem` }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setActive(i);
              pick(o);
            }}
          >
            {isTree && (
              // The pointer's way to open and close a group (the keyboard's is right and left in the tree).
              <span
                className="value-twisty"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  setActive(i);
                  if (o.expandable) toggle(o.id, !o.expanded);
                }}
              >
                {o.expandable ? (o.expanded ? '▾' : '▸') : ''}
              </span>
            )}
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
