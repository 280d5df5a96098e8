import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A wide table's sideways-scrolling box. While its content is wider than the box it is a named
 * region in the tab order, so it can be scrolled from the keyboard; while everything fits it is
 * a plain box and adds no tab stop.
 */
export function ScrollRegion(props: { label: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className={`table-scroll ${props.className ?? ''}`.trim()}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': props.label } : {})}
    >
      {props.children}
    </div>
  );
}
