import type { Plugin } from 'vite';

/**
 * Puts the stylesheets of the named pages into the page itself, as one `<style>` element, so the
 * page can paint from its first response. Performance decision: on Slow 3G each request after
 * the HTML costs another 2 s round trip before anything shows, and the participant page's
 * styles are about 7 KB (2 KB compressed), less than one round trip's worth of bytes. The
 * server allows that element by its hash (collab-server/http/static-files.ts), so the policy
 * still forbids any other inline style.
 */
export function inlinePageCss(pages: readonly string[]): Plugin {
  return {
    name: 'cohear-inline-page-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !pages.some((p) => ctx.filename.endsWith(p))) return html;
        const bundle = ctx.bundle;
        const css: string[] = [];
        const out = html.replace(
          /\s*<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
          (tag, file: string) => {
            const asset = bundle[file];
            if (!asset || asset.type !== 'asset') return tag;
            css.push(String(asset.source));
            return '';
          },
        );
        if (css.length === 0) return html;
        // Trailing newlines dropped so the hash the server computes is of exactly this text.
        return out.replace('</head>', `<style>${css.join('\n').trim()}</style>\n  </head>`);
      },
    },
  };
}
