import { ImportError } from './problems.ts';

/**
 * The largest file any import reads. A three-hour transcript is about 300 kB and an attendee list
 * of 1,000 rows about 200 kB, so 10 MB is far beyond a real file and refuses a wrong one (a
 * recording, a database dump) before it is read into memory.
 */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function checkSize(name: string, bytes: number): void {
  if (bytes === 0) throw new ImportError(`${name} is empty.`);
  if (bytes > MAX_IMPORT_BYTES)
    throw new ImportError(
      `${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; an import file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
}

/**
 * Text from a file's bytes. Teams saves transcripts as UTF-16 with a byte-order mark, and
 * spreadsheet tools save CSV with a UTF-8 one, so the mark decides; without one the bytes must be
 * UTF-8. Invalid bytes are refused with the line they are on rather than turned into "?" in
 * someone's words.
 */
export function decodeText(name: string, bytes: Uint8Array): string {
  checkSize(name, bytes.byteLength);
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  const body = bytes.subarray(start);
  if (encoding !== 'utf-8' && body.byteLength % 2 !== 0)
    throw new ImportError(
      `${name} says it is ${encoding.toUpperCase()} text but ends halfway through a character.`,
    );
  // UTF-16 saved without its mark reads as valid UTF-8 with a NUL beside every letter: refuse it
  // rather than import words full of NULs.
  if (encoding === 'utf-8') {
    const nul = body.indexOf(0);
    if (nul >= 0)
      throw new ImportError(`${name} is not readable text.`, [
        {
          where: `line ${body.subarray(0, nul).filter((b) => b === 0x0a).length + 1}`,
          message:
            'holds a NUL byte: it may be UTF-16 saved without a byte-order mark; save it as UTF-8, or as UTF-16 with one',
        },
      ]);
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    if (text.trim() === '') throw new ImportError(`${name} holds no text.`);
    return text.replace(/\r\n?/g, '\n');
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`${name} is not readable text.`, [
      { where: `line ${lineOfBadByte(body, encoding)}`, message: `not valid ${encoding} text` },
    ]);
  }
}

/** The line holding the first byte the decoder refuses (for the message). */
function lineOfBadByte(body: Uint8Array, encoding: string): number {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let line = 1;
  const step = encoding === 'utf-8' ? 1 : 2;
  let from = 0;
  // Decode line by line; the first line that fails is the one to name.
  for (let i = 0; i < body.byteLength; i += step) {
    const isNewline =
      encoding === 'utf-16le'
        ? body[i] === 0x0a && body[i + 1] === 0
        : encoding === 'utf-16be'
          ? body[i] === 0 && body[i + 1] === 0x0a
          : body[i] === 0x0a;
    if (!isNewline) continue;
    try {
      decoder.decode(body.subarray(from, i));
    } catch {
      return line;
    }
    line++;
    from = i + step;
  }
  return line;
}
