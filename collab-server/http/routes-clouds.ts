import { z } from 'zod';
import {
  attendanceBySession,
  buildExportView,
  census2021Reference,
  cloudsScreenData,
  representation,
  tallyDemographics,
} from '../../core/analysis/index.ts';
import {
  LEGACY_DEMOGRAPHIC_FIELDS,
  RECOMMENDED_DEMOGRAPHIC_FIELDS,
  demographicFieldsSchema,
  fieldChangeProblems,
  fieldsOrLegacy,
  formatIssues,
  referencePopulationSchema,
  stopWordSchema,
  type ProgrammeSettings,
} from '../../core/index.ts';
import { exportSnapshot } from '../store/index.ts';
import { requireRole, type ApiContext } from './api-context.ts';
import { HttpError, readJson, sendJson, type Router } from './http-kit.ts';

const ID = '([A-Za-z0-9_-]{1,64})';

const fieldsBody = z.object({ fields: demographicFieldsSchema }).strict();
const stopWordsBody = z
  .object({ words: z.array(stopWordSchema).max(500, 'expected at most 500 words') })
  .strict();
// null puts the census back as the reference.
const referenceBody = z.object({ reference: referencePopulationSchema.nullable() }).strict();

function programmeOr404(ctx: ApiContext, id: string): void {
  if (!ctx.store.records.hasProgramme(id))
    throw new HttpError(404, 'not-found', 'There is no such programme.');
}

/** The settings as stored, and what applies (the defaults where nothing was chosen). */
function settingsView(ctx: ApiContext, id: string) {
  const stored = ctx.store.records.getSettings(id) ?? {};
  const fields = fieldsOrLegacy(stored.demographicFields);
  return {
    demographicFields: fields,
    customFields: stored.demographicFields !== undefined,
    stopWords: stored.stopWords ?? [],
    reference: stored.reference ?? null,
    defaults: {
      legacyFields: LEGACY_DEMOGRAPHIC_FIELDS,
      recommendedFields: RECOMMENDED_DEMOGRAPHIC_FIELDS,
      // In the programme's own age bands, so a local reference starts from them.
      census: census2021Reference(fields).reference,
    },
  };
}

/**
 * Word clouds, demographics and representation for the facilitator's analysis screens, and the
 * programme settings they follow (demographic fields, the clouds' stop list, the reference
 * population). Everything shown is computed by core from the same export view as the exports.
 */
export function addCloudsRoutes(router: Router, ctx: ApiContext): void {
  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/settings/analysis$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      programmeOr404(ctx, id);
      sendJson(res, 200, { ok: true, ...settingsView(ctx, id) });
    },
  );

  const update = (
    path: string,
    action: string,
    apply: (body: unknown, id: string, current: ProgrammeSettings) => ProgrammeSettings,
  ) =>
    router.add(
      'PUT',
      new RegExp(`^/api/programmes/${ID}/settings/${path}$`),
      async ({ req, res, url, params }) => {
        const who = requireRole(ctx, req, url, 'facilitator');
        const id = params[0] as string;
        programmeOr404(ctx, id);
        const body = await readJson(req, ctx.limits.maxHttpBodyBytes);
        const current = ctx.store.records.getSettings(id) ?? {};
        const next = apply(body, id, current);
        ctx.store.transaction(() => {
          ctx.store.records.putSettings(id, next);
          ctx.store.audit(who.userId ?? 'desktop', action, id, body as Record<string, unknown>);
        });
        sendJson(res, 200, { ok: true, ...settingsView(ctx, id) });
      },
    );

  update('demographic-fields', 'settings.demographic-fields', (body, id, current) => {
    const parsed = fieldsBody.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
    const problems = fieldChangeProblems(
      parsed.data.fields,
      ctx.store.participants.list(id).map((p) => p.demographics),
    );
    if (problems.length > 0) throw new HttpError(409, 'answers-in-use', problems.join('; '));
    return { ...current, demographicFields: parsed.data.fields };
  });

  update('stop-words', 'settings.stop-words', (body, _id, current) => {
    const parsed = stopWordsBody.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
    return { ...current, stopWords: [...new Set(parsed.data.words)].sort() };
  });

  update('reference', 'settings.reference', (body, _id, current) => {
    const parsed = referenceBody.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'invalid', formatIssues(parsed.error).join('; '));
    const { reference: _old, ...rest } = current;
    return parsed.data.reference === null ? rest : { ...rest, reference: parsed.data.reference };
  });

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/analysis/clouds$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      programmeOr404(ctx, id);
      const view = buildExportView(exportSnapshot(ctx.store, id));
      sendJson(res, 200, { ok: true, ...cloudsScreenData(view) });
    },
  );

  router.add(
    'GET',
    new RegExp(`^/api/programmes/${ID}/analysis/representation$`),
    ({ req, res, url, params }) => {
      requireRole(ctx, req, url, 'facilitator');
      const id = params[0] as string;
      programmeOr404(ctx, id);
      const snapshot = buildExportView(exportSnapshot(ctx.store, id)).snapshot;
      sendJson(res, 200, {
        ok: true,
        demographics: tallyDemographics(snapshot),
        attendance: attendanceBySession(snapshot).map((a) => ({
          sessionId: a.session.id,
          title: a.session.title,
          date: a.session.date,
          registered: a.registered,
          attended: a.attended,
          walkIns: a.walkIns,
        })),
        representation: representation(snapshot),
      });
    },
  );
}
