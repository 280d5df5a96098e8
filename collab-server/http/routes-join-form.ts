import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { PAGE_HEADERS } from './static-files.ts';
import type { ApiContext } from './api-context.ts';
import { HttpError, clientAddress, type Router } from './http-kit.ts';
import { resolveJoin } from './routes-participant.ts';

const formSchema = z.object({ code: z.string().min(1).max(40) });

function readForm(req: IncomingMessage, max: number): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        reject(new HttpError(413, 'invalid', 'Too large.'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * The join form as plain HTML (renderer/join.html) posts here (`/api/join-form`) when someone presses Join before
 * the page's script has arrived on a slow connection. A right code sends them on to the
 * session's join link, whose key travels in the fragment, where the page picks it up and joins;
 * anything else goes back to the form with the refusal's code for the page to say.
 * Security decision: the same throttle and checks as `POST /api/join` (resolveJoin); the key
 * given out is the one the facilitator's QR code already carries for anyone holding the code.
 */
export function addJoinFormRoutes(router: Router, ctx: ApiContext): void {
  router.add('POST', /^\/api\/join-form$/, async ({ req, res }) => {
    const back = (location: string) => {
      res.writeHead(303, { ...PAGE_HEADERS, 'Cache-Control': 'no-store', Location: location });
      res.end();
    };
    const type = String(req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('application/x-www-form-urlencoded')) return back('/join?error=invalid');
    const parsed = formSchema.safeParse(Object.fromEntries(await readForm(req, 2048)));
    if (!parsed.success) return back('/join?error=invalid');
    try {
      const { sessionId } = resolveJoin(
        ctx,
        { code: parsed.data.code },
        clientAddress(req, ctx.trustProxy),
        Date.now(),
      );
      const info = ctx.codes.get(sessionId);
      if (!info) return back('/join?error=session-closed');
      return back(`/join#${info.linkKey}`);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      const wait = typeof e.extra.retryAfterMs === 'number' ? `&wait=${e.extra.retryAfterMs}` : '';
      return back(`/join?error=${encodeURIComponent(e.code)}${wait}`);
    }
  });
}
