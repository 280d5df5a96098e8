/**
 * The real file for a path inside the packaged app's archive. Node's fs in Electron reads
 * inside `app.asar`, but native code (the canvas and SVG renderers loading a font file) opens
 * paths itself, so such files are unpacked beside the archive (electron-builder.yml asarUnpack)
 * and read from `app.asar.unpacked` instead. Outside a packaged app the path is unchanged.
 */
export function unpackedPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
