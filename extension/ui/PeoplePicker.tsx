import type { Ref } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Person } from '../../lib/org/schemas';
import type { PersonRow } from '../store/db';
import { db } from './db';
import { FieldError } from '../../components/Field';
import { Button } from '../../components/Button';
import { MAX_PICKS } from '../../lib/commands/assign-picks';
import { plural } from '../../lib/text/plural';

export interface PeoplePickerProps {
  /** The people picked so far, in the order they were picked. */
  value: Person[];
  onChange: (people: Person[]) => void;
  /** People who already have a license: never offered. */
  exclude?: ReadonlySet<string>;
  /** People picked at a time. */
  max?: number;
  /**
   * Licenses free to assign: the picker stops there ("3 of 3 free licenses picked") and offers
   * `onBuyMore` with how many more licenses the people the person tried to add need.
   */
  free?: number;
  onBuyMore?: (count: number) => void;
  label?: string;
  error?: string | undefined;
  /** Field key for errors/focus. */
  name?: string;
  inputRef?: Ref<HTMLInputElement>;
}

const MAX_RESULTS = 8;

function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s,;]+/)
    .map((w) => w.trim())
    .filter(Boolean);
}

/** People whose name/email words start with every word typed, and how many matches were skipped. */
async function findPeople(query: string, skip: ReadonlySet<string>): Promise<{ found: PersonRow[]; skipped: number }> {
  const words = queryWords(query);
  const [first, ...others] = words;
  if (!first) return { found: [], skipped: 0 };
  const candidates = await db.people.where('words').startsWithIgnoreCase(first).distinct().limit(200).toArray();
  const matching = candidates.filter((p) => others.every((w) => p.words.some((pw) => pw.startsWith(w))));
  const found = matching
    .filter((p) => !skip.has(p.id))
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .slice(0, MAX_RESULTS);
  return { found, skipped: matching.length - matching.filter((p) => !skip.has(p.id)).length };
}

/**
 * ARIA 1.2 combobox over the organization's directory: type a name, ArrowDown/ArrowUp to move,
 * Enter (or click) to add, Esc to close the list. Picked people show as chips with remove buttons.
 * The list of results sits in the flow below the input, so it never covers what follows.
 */
export function PeoplePicker({
  value,
  onChange,
  exclude,
  max = MAX_PICKS,
  free,
  onBuyMore,
  label = 'Name or email',
  error,
  name = 'personIds',
  inputRef,
}: PeoplePickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<PersonRow[]>([]);
  /** The query `results` answer: until the current one's arrive, "no one matches" would be untrue. */
  const [resultsFor, setResultsFor] = useState('');
  const shown = useRef(results);
  shown.current = results;
  const [skipped, setSkipped] = useState(0);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [limitMessage, setLimitMessage] = useState('');
  /** People refused for want of a free license: how many more licenses "Buy N more" buys. */
  const [wanted, setWanted] = useState(0);
  const cap = Math.min(max, free ?? max);
  const full = free !== undefined && value.length >= free && free <= max;
  const [announcement, setAnnouncement] = useState('');
  const pressing = useRef(false);
  useEffect(() => {
    const press = (e: Event) => (pressing.current = e.type === 'pointerdown');
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', press, true);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', press, true);
    };
  }, []);

  const picked = new Set(value.map((p) => p.id));
  // Keyed by content, not identity: a parent re-rendered with fresh rows for the same people must not
  // search again, or it would drop the highlight the user just moved with ArrowDown.
  const pickedKey = value.map((p) => p.id).join('\n');
  const excludeKey = [...(exclude ?? [])].sort().join('\n');

  useEffect(() => {
    let stale = false;
    const skip = new Set([...(exclude ?? []), ...picked]);
    findPeople(query, skip).then(
      ({ found, skipped }) => {
        if (stale) return;
        const previous = shown.current;
        setResults(found);
        setResultsFor(query);
        setSkipped(skipped);
        // Nothing highlighted until ArrowDown (Enter alone picks the first result). Results arrive a
        // keystroke late, so a person highlighted on the previous list stays highlighted if listed.
        setActive((i) => (i >= 0 && previous[i] ? found.findIndex((p) => p.id === previous[i]!.id) : -1));
      },
      () => {
        if (stale) return;
        setResults([]);
        setResultsFor(query);
      },
    );
    return () => {
      stale = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, pickedKey, excludeKey]);

  function pick(person: PersonRow) {
    if (value.length >= cap) {
      if (full) {
        setWanted((n) => n + 1);
        setQuery('');
      } else setLimitMessage(`You can add up to ${max} people at a time. Assign these first, then add more.`);
      setOpen(false);
      return;
    }
    const { words: _words, ...plain } = person;
    onChange([...value, plain]);
    setQuery('');
    setOpen(false);
    setLimitMessage('');
    setAnnouncement(`${person.displayName} added. ${value.length + 1} of ${cap} picked.`);
  }

  function remove(person: Person) {
    onChange(value.filter((p) => p.id !== person.id));
    setLimitMessage('');
    setWanted(0);
    setAnnouncement(`${person.displayName} removed.`);
  }

  const showList = open && query.trim() !== '';

  function onKeyDown(e: KeyboardEvent) {
    switch (e.key) {
      // As in the ARIA combobox pattern, an arrow key on a closed list opens it with the first (or
      // last) result highlighted, so one key press always highlights someone.
      case 'ArrowDown':
        e.preventDefault();
        setActive((i) => (!results.length ? -1 : showList ? (i + 1) % results.length : 0));
        setOpen(true);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setActive((i) => (!results.length ? -1 : showList && i > 0 ? i - 1 : results.length - 1));
        setOpen(true);
        break;
      case 'Enter': {
        if (query.trim() === '') return; // an empty picker lets Enter submit the form
        e.preventDefault();
        const person = results[active >= 0 ? active : 0];
        if (person) pick(person);
        break;
      }
      case 'Escape':
        // The first Esc closes the list; with the list closed, Esc reaches the dialog and closes it.
        if (showList) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
        }
        break;
      case 'Backspace':
        if (query === '' && value.length) remove(value[value.length - 1]!);
        break;
    }
  }

  const activeId = showList && active >= 0 && results[active] ? `${id}-opt-${results[active]!.id}` : undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const limitId = `${id}-limit`;
  const freeId = `${id}-free`;
  const describedBy = [hintId, free !== undefined ? freeId : '', error ? errorId : '', limitMessage ? limitId : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div class={`people-picker field ${error ? 'field-invalid' : ''}`}>
      <label for={id} class="field-label">
        {label}
      </label>
      <p id={hintId} class="field-hint">
        Type a name, then pick from the results. You can add up to {max} people at a time.
      </p>
      {value.length ? (
        <ul class="chips" aria-label={`Picked people (${value.length} of ${cap})`}>
          {value.map((p) => (
            <li class="chip" key={p.id}>
              <span>{p.displayName}</span>
              <button type="button" class="chip-remove" aria-label={`Remove ${p.displayName}`} onClick={() => remove(p)}>
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="combobox">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellcheck={false}
          data-field={name}
          aria-autocomplete="list"
          aria-expanded={showList ? 'true' : 'false'}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error || limitMessage ? 'true' : undefined}
          aria-describedby={describedBy}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Pressing a button below (Assign) closes the list only once the press is over: closing
            // it at once would move the button out from under the pointer before the click lands.
            if (pressing.current) document.addEventListener('pointerup', () => setTimeout(() => setOpen(false)), { once: true });
            else setOpen(false);
          }}
        />
        <ul id={listId} role="listbox" aria-label="Matching people" class="listbox" hidden={!showList}>
          {showList && results.length === 0 && resultsFor === query ? (
            <li class="listbox-empty" role="option" aria-disabled="true" aria-selected="false">
              No one in your organization matches “{query.trim()}”
              {skipped ? ' who doesn’t already have a license or isn’t picked' : ''}
            </li>
          ) : null}
          {showList
            ? results.map((p, i) => (
                <li
                  key={p.id}
                  id={`${id}-opt-${p.id}`}
                  role="option"
                  aria-selected={i === active ? 'true' : 'false'}
                  class={i === active ? 'option option-active' : 'option'}
                  // mousedown, not click: keep focus in the input
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(p);
                  }}
                  onMouseMove={() => setActive(i)}
                >
                  <span class="option-name">{p.displayName}</span>
                  <span class="option-detail">
                    {p.email}
                    {p.department ? ` · ${p.department}` : ''}
                  </span>
                </li>
              ))
            : null}
        </ul>
      </div>
      {free !== undefined ? (
        <div class="picker-limit">
          <p id={freeId} class="field-hint" role="status">
            {free ? `${value.length} of ${plural(free, 'free license')} picked` : 'No licenses are free'}
            {full && wanted ? `. ${plural(wanted, 'more person needs', 'more people need')} a license` : ''}
          </p>
          {full && onBuyMore ? (
            <Button small onClick={() => onBuyMore(Math.max(1, wanted))}>
              Buy {Math.max(1, wanted)} more
            </Button>
          ) : null}
        </div>
      ) : null}
      {limitMessage ? (
        <p id={limitId} class="field-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {limitMessage}
        </p>
      ) : null}
      {error ? <FieldError id={errorId} message={error} /> : null}
      <p class="visually-hidden" aria-live="polite">
        {announcement}
        {showList ? ` ${results.length ? `${results.length} results.` : 'No results.'}` : ''}
      </p>
    </div>
  );
}
