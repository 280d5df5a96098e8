import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The join link as an SVG QR code, made in the page (no inline script, no network). */
export function useQrSvg(link: string | null): string {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    if (!link) return setSvg('');
    let live = true;
    void QRCode.toString(link, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((s) => {
      if (live) setSvg(s);
    });
    return () => {
      live = false;
    };
  }, [link]);
  return svg;
}
