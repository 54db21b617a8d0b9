import { useEffect, useRef, useState } from 'react';
import type { PersonSummary } from '../../../api/contract/api-types';
import type { PeoplePickerProps } from './PeoplePicker.types';

export interface PeoplePickerState {
  text: string;
  results: PersonSummary[];
  searching: boolean;
  /** The suggestions show as soon as there are some for what was typed. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onTextChange: (text: string) => void;
  onPick: (personId: string | undefined) => void;
}

/** Free text (a name or a role) or a person picked from the directory; searching starts after two letters. */
export function usePeoplePicker({
  value,
  onChange,
  search,
  searchDelayMs = 250,
}: PeoplePickerProps): PeoplePickerState {
  const [query, setQuery] = useState<string | null>(null);
  const [results, setResults] = useState<PersonSummary[]>([]);
  const [searching, setSearching] = useState(false);
  const [open, setOpen] = useState(false);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    if (query === null || query.trim().length < 2) {
      setResults([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      searchRef.current(query.trim(), controller.signal).then(
        (people) => {
          setResults(people);
          setSearching(false);
          setOpen(people.length > 0);
        },
        () => {
          if (!controller.signal.aborted) setSearching(false);
        },
      );
    }, searchDelayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, searchDelayMs]);

  return {
    text: value.label,
    results,
    searching,
    open: open && results.length > 0,
    onOpenChange: setOpen,
    onTextChange: (text) => {
      setQuery(text);
      onChange({ label: text, personId: null });
    },
    onPick: (personId) => {
      const person = results.find((p) => p.id === personId);
      if (!person) return;
      setQuery(null);
      setOpen(false);
      onChange({ label: person.displayName, personId: person.id });
    },
  };
}
