import { AlignmentType, Document, LevelFormat, Packer, type ISectionOptions } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { xmlEscape } from '../common/xml.ts';
import { spaceAfterTables } from './blocks.ts';

const HEADING_COLOUR = '003087';
const FONT = 'Arial';

export interface DocumentMeta {
  title: string;
  subject: string;
  description: string;
  /** Written as the file's created and modified dates instead of "now". */
  date: Date;
}

/**
 * The document's core properties with fixed dates: the docx library stamps "now", which would
 * make every export of the same data a different file.
 */
function coreXml(meta: DocumentMeta): string {
  const iso = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${xmlEscape(meta.title)}</dc:title>`,
    `<dc:subject>${xmlEscape(meta.subject)}</dc:subject>`,
    '<dc:creator>Cohear</dc:creator>',
    `<dc:description>${xmlEscape(meta.description)}</dc:description>`,
    '<cp:lastModifiedBy>Cohear</cp:lastModifiedBy>',
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/**
 * Builds and packs a Word document with the house styles: Arial 12 pt body text, dark blue
 * headings, quotation styles, a numbered-list definition, the language set to British English
 * (screen readers choose their voice by it), and page numbers of the contents worked out as
 * Word would lay the pages out.
 */
export async function packDocument(
  meta: DocumentMeta,
  sections: ISectionOptions[],
  options: { pageNumbers?: boolean; language?: string } = {},
): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    subject: meta.subject,
    description: meta.description,
    creator: 'Cohear',
    // Page numbers of the contents are worked out as Word lays the pages out (Arial's widths;
    // LibreOffice's Liberation Sans has the same), and written into the field's result, which
    // Word and LibreOffice both show on opening. (Asking Word to update fields on opening as
    // well makes the docx library write the entries without their numbers.)
    ...(options.pageNumbers === true ? { pageNumbers: estimatePageNumbers } : {}),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 24, language: { value: options.language ?? 'en-GB' } },
          // Space after each paragraph, so paragraphs and the text after a table stand apart.
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { font: FONT, size: 56, bold: true, color: HEADING_COLOUR } },
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 360, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: FONT, size: 30, bold: true, color: HEADING_COLOUR },
          paragraph: { spacing: { before: 300, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: FONT, size: 26, bold: true, color: '1a1a1a' },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, color: '1a1a1a' },
          paragraph: {
            indent: { left: 567, right: 567 },
            spacing: { before: 120, after: 0 },
            border: { left: { style: 'single', size: 18, color: '0b5c8a', space: 8 } },
          },
        },
        {
          id: 'QuoteAttribution',
          name: 'Quote attribution',
          basedOn: 'Normal',
          next: 'Normal',
          run: { color: '4d4d4d', size: 22 },
          paragraph: { indent: { left: 567, right: 567 }, spacing: { after: 160 } },
        },
        {
          id: 'Caption',
          name: 'caption',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 20, color: '4d4d4d' },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: sections.map((s) => ({ ...s, children: spaceAfterTables(s.children) })),
  });
  return Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreXml(meta) }]);
}
