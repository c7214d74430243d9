// The open tab of a detail page in the URL (?tab=…); the first tab is the default and leaves no param.
import { useLocation, useSearchParams } from 'react-router';

export function useTabParam<T extends string>(tabs: readonly T[]): [T, (v: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const raw = params.get('tab');
  const tab = (tabs as readonly (string | null)[]).includes(raw) ? (raw as T) : tabs[0]!;
  const setTab = (v: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (!v || v === tabs[0]) next.delete('tab');
        else next.set('tab', v);
        return next;
      },
      { replace: true, state: location.state },
    );
  return [tab, setTab];
}
