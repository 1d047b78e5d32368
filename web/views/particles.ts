/** Points sampled along each route; the dots move from point to point. */
const SAMPLES = 48;
const MAX_PARTICLES = 140;
const MAX_PENDING = 600;
const FLIGHT_MS = 1100;
const PULSE_MS = 900;
/** Dots of one flow leave over this many milliseconds rather than all at once. */
const SPREAD_MS = 700;

/** A path a dot can travel: sampled points (x, y, …) in diagram units, its colour and kind (0 dot, 1 diamond). */
export interface Route {
  points: Float32Array;
  colour: string;
  kind: number;
}

/** What the dots pass under: circles (x, y, r) and boxes (x, y, width, height), in diagram units. */
export interface Obstacles {
  circles: Array<[number, number, number]>;
  boxes: Array<[number, number, number, number]>;
}

/** SAMPLES + 1 points along the quadratic Bézier from (x0, y0) over (cx, cy) to (x2, y2). */
export function samplePath(
  x0: number,
  y0: number,
  cx: number,
  cy: number,
  x2: number,
  y2: number,
): Float32Array {
  const out = new Float32Array((SAMPLES + 1) * 2);
  for (let k = 0; k <= SAMPLES; k++) {
    const u = k / SAMPLES;
    const a = (1 - u) * (1 - u);
    const b = 2 * u * (1 - u);
    const c = u * u;
    out[2 * k] = a * x0 + b * cx + c * x2;
    out[2 * k + 1] = a * y0 + b * cy + c * y2;
  }
  return out;
}

/**
 * The linkage diagram's animation on a canvas laid over the SVG: dots travelling along routes and
 * rings of growth around an element. Drawn in diagram units, clipped so that nothing passes over a
 * circle or a label. Live dots are kept in typed arrays (no allocation per frame), and a frame with
 * nothing moving costs nothing.
 */
export class ParticleLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private readonly pRoute = new Int16Array(MAX_PARTICLES);
  private readonly pStart = new Float64Array(MAX_PARTICLES);
  private live = 0;
  private readonly qRoute = new Int16Array(MAX_PENDING);
  private readonly qAt = new Float64Array(MAX_PENDING);
  private queued = 0;
  private readonly pulses = new Map<number, number>();
  private clear = true;
  private readonly colours: string[];

  constructor(
    private readonly canvas: HTMLCanvasElement,
    sizeOf: SVGSVGElement,
    private readonly width: number,
    private readonly routes: Route[],
    private readonly rings: Array<{ at: [number, number]; colour: string; radius: () => number }>,
  ) {
    this.ctx = canvas.getContext('2d')!;
    this.colours = [...new Set(routes.map((r) => r.colour))];
    new ResizeObserver(() => {
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.max(1, Math.round(sizeOf.clientWidth * dpr));
      canvas.height = Math.max(1, Math.round(sizeOf.clientHeight * dpr));
      this.clear = true;
    }).observe(sizeOf);
  }

  /** Sends `count` dots along a route, leaving over the next SPREAD_MS (a visual spread, not simulation). */
  launch(route: number, count: number, now: number): void {
    for (let k = 0; k < count && this.queued < MAX_PENDING; k++) {
      this.qRoute[this.queued] = route;
      this.qAt[this.queued] = now + Math.random() * SPREAD_MS;
      this.queued++;
    }
  }

  /** A ring of growth around element ring `k`. */
  pulse(k: number, now: number): void {
    this.pulses.set(k, now);
  }

  stop(): void {
    this.live = 0;
    this.queued = 0;
    this.pulses.clear();
  }

  /** Draws the frame at `now`; true while dots or rings are in flight or waiting to leave. */
  frame(now: number, obstacles: () => Obstacles): boolean {
    this.advance(now);
    const { ctx, canvas } = this;
    if (!this.live && !this.pulses.size) {
      if (!this.clear) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        this.clear = true;
      }
      return this.queued > 0;
    }
    const k = canvas.width / this.width;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(k, 0, 0, k, 0, 0);
    ctx.save();
    this.clipOut(obstacles());
    this.drawRings(now);
    this.drawDots(now);
    ctx.restore();
    this.clear = false;
    return true;
  }

  /** Due dots start flying (the rest wait, compacted in place); finished dots and rings end. */
  private advance(now: number): void {
    if (this.queued) {
      let keep = 0;
      for (let k = 0; k < this.queued; k++) {
        if (this.qAt[k] <= now) {
          if (this.live < MAX_PARTICLES) {
            this.pRoute[this.live] = this.qRoute[k];
            this.pStart[this.live] = now;
            this.live++;
          }
        } else {
          this.qRoute[keep] = this.qRoute[k];
          this.qAt[keep] = this.qAt[k];
          keep++;
        }
      }
      this.queued = keep;
    }
    for (let k = this.live - 1; k >= 0; k--)
      if (now - this.pStart[k] >= FLIGHT_MS) {
        this.live--;
        this.pRoute[k] = this.pRoute[this.live];
        this.pStart[k] = this.pStart[this.live];
      }
    for (const [e, start] of this.pulses) if (now - start >= PULSE_MS) this.pulses.delete(e);
  }

  /** Everything outside the circles and boxes (even-odd rule). */
  private clipOut(o: Obstacles): void {
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.rect(0, 0, this.width, this.canvas.height / (this.canvas.width / this.width));
    for (const [x, y, w, h] of o.boxes) ctx.rect(x + w, y, -w, h);
    for (const [x, y, r] of o.circles) {
      ctx.moveTo(x + r + 1, y);
      ctx.arc(x, y, r + 1, 0, Math.PI * 2, true);
    }
    ctx.clip('evenodd');
  }

  private drawRings(now: number): void {
    const ctx = this.ctx;
    ctx.lineWidth = 4;
    for (const [k, start] of this.pulses) {
      const u = (now - start) / PULSE_MS;
      const ring = this.rings[k];
      ctx.globalAlpha = 0.8 * (1 - u);
      ctx.strokeStyle = ring.colour;
      ctx.beginPath();
      ctx.arc(ring.at[0], ring.at[1], ring.radius() + 4 + 16 * u, 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  /** Dots (kind 0) and diamonds (kind 1), one path per colour and kind. */
  private drawDots(now: number): void {
    const ctx = this.ctx;
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    for (const colour of this.colours)
      for (const kind of [0, 1]) {
        ctx.beginPath();
        let any = false;
        for (let p = 0; p < this.live; p++) {
          const route = this.routes[this.pRoute[p]];
          if (route.colour !== colour || route.kind !== kind) continue;
          any = true;
          const pts = route.points;
          const u = ((now - this.pStart[p]) / FLIGHT_MS) * SAMPLES;
          const i = Math.min(SAMPLES - 1, Math.floor(u));
          const f = u - i;
          const x = pts[2 * i] + (pts[2 * i + 2] - pts[2 * i]) * f;
          const y = pts[2 * i + 1] + (pts[2 * i + 3] - pts[2 * i + 1]) * f;
          if (kind) {
            ctx.moveTo(x, y - 8);
            ctx.lineTo(x + 8, y);
            ctx.lineTo(x, y + 8);
            ctx.lineTo(x - 8, y);
            ctx.closePath();
          } else {
            ctx.moveTo(x + 6, y);
            ctx.arc(x, y, 6, 0, Math.PI * 2);
          }
        }
        if (!any) continue;
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.stroke();
      }
  }
}
