import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After a navigation inside the app, focus goes to the new screen's heading, as a page load
 * would put a screen reader at the top: without it, focus stays on a link that no longer
 * exists. The first load is left alone, and so are changes of the query string alone (filters).
 */
export function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The new screen may still be loading its data: wait for its heading a little.
    let tries = 0;
    const timer = window.setInterval(() => {
      const heading = document.getElementById('page-title');
      if (heading || ++tries > 40) {
        window.clearInterval(timer);
        (heading ?? document.getElementById('main'))?.focus({ preventScroll: false });
      }
    }, 25);
    return () => window.clearInterval(timer);
  }, [pathname]);
  return null;
}
