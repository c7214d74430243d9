import { Kbd, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-context.tsx';

type Props = { value: string; onChange: (q: string) => void; placeholder: string; label?: string; testId?: string; resetToken?: number };

/** A list's search box: debounced, "/" focuses it, cleared when resetToken changes. */
export function SearchInput({ value, onChange, placeholder, label, testId = 'list-search', resetToken = 0 }: Props) {
  const t = useT();
  const ref = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  useHotkeys([['/', () => ref.current?.focus()]]);
  useEffect(() => {
    if (resetToken > 0) setText('');
  }, [resetToken]);
  useEffect(() => {
    if (debounced !== value) onChange(debounced);
  }, [debounced]);
  return (
    <TextInput
      ref={ref}
      label={label ?? t('catalogue.list.search')}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      rightSection={<Kbd size="xs">/</Kbd>}
      title={t('customers.list.searchHint')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      style={{ flex: '1 1 260px' }}
      type="search"
      data-testid={testId}
    />
  );
}
