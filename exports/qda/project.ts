import JSZip from 'jszip';
import type { ExportView, ViewNote } from '../../core/analysis/index.ts';
import { isQuotable } from '../../core/analysis/index.ts';
import { programmeFields } from '../../core/analysis/index.ts';
import {
  answerLabel,
  type DemographicFieldDef,
  POLARITIES,
  POLARITY_LABELS,
  stepQuestions,
} from '../../core/index.ts';
import { xmlEscape } from '../common/xml.ts';
import { codeElements, codebookQdc } from './codebook.ts';
import { stableGuid } from './guid.ts';

// Names the variables had before fields became a programme setting, kept so projects made from
// the same programme before and after match in NVivo or ATLAS.ti.
const VARIABLE_NAMES: Record<string, string> = { ageBand: 'Age band' };

/** Cohort, then one case variable per demographic field of the programme. */
function caseVariables(fields: readonly DemographicFieldDef[]): { key: string; name: string }[] {
  return [
    { key: 'cohort', name: 'Cohort' },
    ...fields.map((f) => ({ key: f.id, name: VARIABLE_NAMES[f.id] ?? f.label })),
  ];
}
const SOURCE_VARIABLES = [
  { key: 'polarity', name: 'Polarity' },
  { key: 'session', name: 'Session' },
  { key: 'sessionDate', name: 'Session date' },
  { key: 'question', name: 'Question' },
  { key: 'kind', name: 'Note kind' },
  { key: 'quotable', name: 'Quotable' },
] as const;

type Guid = (kind: string, id: string) => string;

function textValue(variable: string, value: string, guid: Guid, pad: string): string {
  return `${pad}<VariableValue><VariableRef targetGUID="${guid('variable', variable)}"/><TextValue>${xmlEscape(value)}</TextValue></VariableValue>`;
}

function label(field: DemographicFieldDef, value: string | null | undefined): string {
  return value === null || value === undefined ? 'Not recorded' : answerLabel(field, value);
}

function sourceName(v: ViewNote): string {
  return `${v.session.title} · ${v.participant?.descriptor ?? 'Facilitator note'} · ${v.note.id}`;
}

/** Length in Unicode code points, which is how REFI-QDA positions count characters. */
function codePoints(text: string): number {
  return [...text].length;
}

function sourceXml(v: ViewNote, view: ExportView, guid: Guid, userGuid: string): string {
  const rec = view.sessions.get(v.session.id);
  const step = rec?.agenda.find((s) => s.id === v.note.stepId);
  const question = step ? stepQuestions(step, rec?.persona ?? null).join(' / ') : '';
  const g = guid('note', `${v.session.id}/${v.note.id}`);
  const at = v.note.createdAt;
  const codings = v.note.themeIds
    .filter((id) => view.themes.has(id))
    .map(
      (id) =>
        `        <Coding guid="${guid('coding', `${v.session.id}/${v.note.id}/${id}`)}" creatingUser="${userGuid}" creationDateTime="${at}"><CodeRef targetGUID="${guid('theme', id)}"/></Coding>`,
    );
  const selection =
    codings.length > 0
      ? [
          `      <PlainTextSelection guid="${guid('selection', `${v.session.id}/${v.note.id}`)}" name="${xmlEscape(v.note.id)}" startPosition="0" endPosition="${codePoints(v.text)}" creatingUser="${userGuid}" creationDateTime="${at}">`,
          ...codings,
          '      </PlainTextSelection>',
        ]
      : [];
  const values = [
    textValue('polarity', POLARITY_LABELS[v.note.polarity], guid, '      '),
    textValue('session', v.session.title, guid, '      '),
    textValue('sessionDate', v.session.date, guid, '      '),
    ...(question ? [textValue('question', question, guid, '      ')] : []),
    textValue('kind', v.note.kind, guid, '      '),
    textValue('quotable', isQuotable(v) ? 'yes' : 'no', guid, '      '),
  ];
  return [
    `    <TextSource guid="${g}" name="${xmlEscape(sourceName(v))}" plainTextPath="internal://${g}.txt" creatingUser="${userGuid}" creationDateTime="${at}">`,
    ...selection,
    ...values,
    '    </TextSource>',
  ].join('\n');
}

export interface QdpxOptions {
  /** The project's creation date, written instead of "now". */
  date: Date;
}

/**
 * The project XML (project.qde) and the text of each note (Sources/<guid>.txt). Notes become
 * text sources, each coded with its themes over its whole text; participants become cases
 * (named by descriptor) with cohort and demographic variables; polarity is both a source
 * variable and two sets, so it can be filtered either way.
 */
export function qdpxParts(
  view: ExportView,
  options: QdpxOptions,
): { qde: string; sources: Map<string, string> } {
  const ns = view.snapshot.programme.id;
  const guid: Guid = (kind, id) => stableGuid(ns, kind, id);
  const userGuid = guid('user', 'cohear');
  const date = options.date.toISOString();
  const sources = new Map<string, string>();
  for (const v of view.notes)
    sources.set(`${guid('note', `${v.session.id}/${v.note.id}`)}.txt`, v.text);
  const themes = [...view.themes.values()];
  const codebook =
    themes.length > 0
      ? [
          '  <CodeBook>',
          '    <Codes>',
          codeElements(themes, guid, '      '),
          '    </Codes>',
          '  </CodeBook>',
        ]
      : [];
  const fields = programmeFields(view.snapshot);
  const variables = [...caseVariables(fields), ...SOURCE_VARIABLES].map(
    (v) =>
      `    <Variable guid="${guid('variable', v.key)}" name="${xmlEscape(v.name)}" typeOfVariable="Text"/>`,
  );
  const byParticipant = new Map<string, ViewNote[]>();
  for (const v of view.notes) {
    if (!v.participant) continue;
    byParticipant.set(v.participant.id, [...(byParticipant.get(v.participant.id) ?? []), v]);
  }
  const cases = view.snapshot.participants.map((p) => {
    const d = p.demographics;
    const values = [
      textValue('cohort', p.cohort || 'None', guid, '      '),
      ...fields.map((f) => textValue(f.id, label(f, d[f.id]), guid, '      ')),
    ];
    const refs = (byParticipant.get(p.id) ?? []).map(
      (v) => `      <SourceRef targetGUID="${guid('note', `${v.session.id}/${v.note.id}`)}"/>`,
    );
    return [
      `    <Case guid="${guid('case', p.id)}" name="${xmlEscape(p.descriptor)}">`,
      ...values,
      ...refs,
      '    </Case>',
    ].join('\n');
  });
  const sets = POLARITIES.map((polarity) => {
    const members = view.notes
      .filter((v) => v.note.polarity === polarity)
      .map(
        (v) => `      <MemberSource targetGUID="${guid('note', `${v.session.id}/${v.note.id}`)}"/>`,
      );
    return [
      `    <Set guid="${guid('set', polarity)}" name="${xmlEscape(POLARITY_LABELS[polarity])}">`,
      `      <Description>Notes marked "${xmlEscape(POLARITY_LABELS[polarity])}"</Description>`,
      ...members,
      '    </Set>',
    ].join('\n');
  });
  const p = view.snapshot.programme;
  const qde = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="urn:QDA-XML:project:1.0" name="${xmlEscape(p.title)}" origin="Cohear" creatingUserGUID="${userGuid}" creationDateTime="${date}" modifyingUserGUID="${userGuid}" modifiedDateTime="${date}">`,
    '  <Users>',
    `    <User guid="${userGuid}" name="Cohear export" id="cohear"/>`,
    '  </Users>',
    ...codebook,
    '  <Variables>',
    ...variables,
    '  </Variables>',
    ...(cases.length > 0 ? ['  <Cases>', ...cases, '  </Cases>'] : []),
    ...(view.notes.length > 0
      ? [
          '  <Sources>',
          ...view.notes.map((v) => sourceXml(v, view, guid, userGuid)),
          '  </Sources>',
        ]
      : []),
    '  <Sets>',
    ...sets,
    '  </Sets>',
    `  <Description>${xmlEscape(`${p.title}, ${p.organisation}. Exported by Cohear with personal data ${view.redacted ? 'redacted' : 'NOT redacted'}.`)}</Description>`,
    '</Project>',
    '',
  ].join('\n');
  return { qde, sources };
}

/** The REFI-QDA project as a .qdpx zip: project.qde and a Sources folder. */
export async function qdpxZip(view: ExportView, options: QdpxOptions): Promise<Buffer> {
  const { qde, sources } = qdpxParts(view, options);
  const zip = new JSZip();
  // Fixed entry dates: the same data gives the same bytes.
  const date = options.date;
  zip.file('project.qde', qde, { date });
  for (const [name, text] of sources) zip.file(`Sources/${name}`, text, { date });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  });
}

/** The codebook alone (.qdc), with the same GUIDs as the project's codes. */
export function codebookOnly(view: ExportView): string {
  const ns = view.snapshot.programme.id;
  return codebookQdc([...view.themes.values()], (kind, id) => stableGuid(ns, kind, id));
}
