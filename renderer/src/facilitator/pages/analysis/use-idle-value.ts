import { useEffect, useState } from 'react';

/**
 * A value worked out a moment after its inputs settle, off the path of a keypress: the theme
 * suggester and the near-duplicate groups take tens of milliseconds on 2,000 notes, which a tag
 * must not wait for. Until the first result, null.
 */
export function useIdleValue<T>(
  compute: () => T,
  deps: readonly unknown[],
  delayMs = 1000,
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const t = window.setTimeout(() => setValue(compute()), delayMs);
    return () => window.clearTimeout(t);
    // The caller names the inputs, as with useMemo.
  }, deps);
  return value;
}
