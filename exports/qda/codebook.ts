import type { Theme } from '../../core/index.ts';
import { sortThemes } from '../../core/index.ts';
import { xmlEscape } from '../common/xml.ts';

export type GuidFor = (kind: string, id: string) => string;

/** The codebook's <Code> elements, nested as the themes are. Same shape in .qdc and .qde. */
export function codeElements(themes: readonly Theme[], guid: GuidFor, indent = '  '): string {
  const ordered = sortThemes(themes);
  const ids = new Set(ordered.map((t) => t.id));
  const children = (parent: string | null) =>
    ordered.filter(
      (t) => (t.parentId !== null && ids.has(t.parentId) ? t.parentId : null) === parent,
    );
  const render = (t: Theme, pad: string): string => {
    const kids = children(t.id);
    const open = `${pad}<Code guid="${guid('theme', t.id)}" name="${xmlEscape(t.name)}" isCodable="true" color="${t.colour}"`;
    const inner = [
      ...(t.description.trim()
        ? [`${pad}  <Description>${xmlEscape(t.description)}</Description>`]
        : []),
      ...kids.map((k) => render(k, `${pad}  `)),
    ];
    return inner.length === 0 ? `${open}/>` : `${open}>\n${inner.join('\n')}\n${pad}</Code>`;
  };
  return children(null)
    .map((t) => render(t, indent))
    .join('\n');
}

/**
 * The codebook alone as a REFI-QDA .qdc file, for a researcher who wants Cohear's themes in
 * NVivo, ATLAS.ti, MAXQDA or QualCoder without the notes.
 */
export function codebookQdc(themes: readonly Theme[], guid: GuidFor): string {
  const codes = themes.length > 0 ? codeElements(themes, guid, '    ') : '';
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Cohear">',
    // The schema requires at least one code; an empty codebook gets a placeholder that says so.
    themes.length > 0
      ? `  <Codes>\n${codes}\n  </Codes>`
      : `  <Codes>\n    <Code guid="${guid('theme', '(none)')}" name="No themes yet" isCodable="false"/>\n  </Codes>`,
    '</CodeBook>',
    '',
  ].join('\n');
}
