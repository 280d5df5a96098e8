import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [
    ...'abcdefghijklmnopqrstuvwxyz'.split('').map((c, i) => [c, 'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýž'[i]]),
    ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('').map((c, i) => [c, 'ÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'[i]]),
  ].filter((e): e is [string, string] => e[1] !== undefined),
);

/** Every Latin letter accented, so a string that skipped the catalogue stands out as plain ASCII. */
export function accent(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => ACCENTED[c] ?? c);
}

function pseudoElements(els: MessageFormatElement[]): MessageFormatElement[] {
  return els.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: accent(el.value) };
    if (el.type === TYPE.tag) return { ...el, children: pseudoElements(el.children) };
    if (el.type === TYPE.plural || el.type === TYPE.select)
      return {
        ...el,
        options: Object.fromEntries(
          Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]),
        ),
      } as MessageFormatElement;
    return el;
  });
}

/**
 * A pseudo-translation of one ICU message: literal text accented and bracketed, placeholders,
 * plurals and tags kept. Brackets show where a string is cut or run together; accents show any
 * string that did not come from the catalogue (the pseudo-locale test looks for plain letters).
 */
export function pseudoMessage(message: string): MessageFormatElement[] {
  const els = pseudoElements(parse(message));
  const open: MessageFormatElement = { type: TYPE.literal, value: '⟦' };
  const close: MessageFormatElement = { type: TYPE.literal, value: '⟧' };
  return [open, ...els, close];
}
