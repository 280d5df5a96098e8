import { type Canvas, type SKRSContext2D, createCanvas } from '@napi-rs/canvas';

/**
 * The canvas d3-cloud draws its word sprites on, for Node. d3-cloud reads back the whole
 * 2048 x 2048 sprite canvas after each batch, although a batch of words fills only the top
 * rows of it; reading 16 MB of pixels from Skia costs ~60 ms, which would make one cloud take
 * most of a second. This canvas remembers how far down the batch drew and reads back only
 * those rows (the rest is blank by construction: d3-cloud clears the canvas before each
 * batch), handing d3-cloud a full-size array as it expects.
 */
export class SpriteCanvas {
  private readonly inner: Canvas = createCanvas(1, 1);
  private readonly ctx: SKRSContext2D = this.inner.getContext('2d');
  private lowestRow = 0;

  get width(): number {
    return this.inner.width;
  }
  set width(v: number) {
    this.inner.width = v;
  }
  get height(): number {
    return this.inner.height;
  }
  set height(v: number) {
    this.inner.height = v;
  }

  /** The subset of a 2D context d3-cloud calls, passed through to Skia. */
  getContext(): unknown {
    const ctx = this.ctx;
    let px = 0;
    const markRows = (centreRow: number) => {
      // A word is drawn on its baseline at the translated centre: nothing of it reaches further
      // below than its font size, plus the stroke d3-cloud draws for padding.
      this.lowestRow = Math.max(this.lowestRow, Math.ceil(centreRow + px + 8));
    };
    return {
      get font() {
        return ctx.font;
      },
      set font(v: string) {
        ctx.font = v;
        px = Number(/(\d+(?:\.\d+)?)px/.exec(v)?.[1] ?? 0);
      },
      set fillStyle(v: string) {
        ctx.fillStyle = v;
      },
      set strokeStyle(v: string) {
        ctx.strokeStyle = v;
      },
      set lineWidth(v: number) {
        ctx.lineWidth = v;
      },
      save: () => ctx.save(),
      restore: () => ctx.restore(),
      rotate: (a: number) => ctx.rotate(a),
      measureText: (t: string) => ctx.measureText(t),
      fillText: (t: string, x: number, y: number) => ctx.fillText(t, x, y),
      strokeText: (t: string, x: number, y: number) => ctx.strokeText(t, x, y),
      clearRect: (x: number, y: number, w: number, h: number) => {
        ctx.clearRect(x, y, w, h);
        this.lowestRow = 0;
      },
      translate: (x: number, y: number) => {
        ctx.translate(x, y);
        markRows(y);
      },
      getImageData: (x: number, y: number, w: number, h: number) => this.read(x, y, w, h),
    };
  }

  private read(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } {
    const rows = Math.min(h, Math.max(1, this.lowestRow - y));
    if (rows >= h) return { data: this.ctx.getImageData(x, y, w, h).data };
    const data = new Uint8ClampedArray(w * h * 4);
    data.set(this.ctx.getImageData(x, y, w, rows).data);
    return { data };
  }
}
