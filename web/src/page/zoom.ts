/**
 * Zooming the weight-sharing picture. The SVG has a viewBox, so scaling its CSS size redraws it
 * sharply at any zoom; the container scrolls. A picture larger than its box starts fitted to it
 * (the emitter downsamples W to at most 128 cells a side, but the multiples of a general basis and
 * the legend can still be large); zoom in to read single cells.
 */

const MIN = 0.1;
const MAX = 16;
const STEP = 1.25;

/**
 * Controls for one container: buttons `[data-zoom=in|out|fit|actual]`, Ctrl/⌘ + wheel.
 *
 * @example
 * const zoom = new PictureZoom(container, buttons, label); zoom.show(svgText);
 */
export class PictureZoom {
  private scale = 1;
  private width = 0;
  private height = 0;

  constructor(
    private readonly container: HTMLElement,
    controls: HTMLElement,
    private readonly label: HTMLElement,
  ) {
    controls.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-zoom]')?.dataset['zoom'];
      if (action === 'in') this.set(this.scale * STEP);
      else if (action === 'out') this.set(this.scale / STEP);
      else if (action === 'fit') this.fit();
      else if (action === 'actual') this.set(1);
    });
    container.addEventListener(
      'wheel',
      (e) => {
        if (!e.ctrlKey && !e.metaKey) return;
        e.preventDefault();
        this.set(this.scale * (e.deltaY < 0 ? STEP : 1 / STEP));
      },
      { passive: false },
    );
  }

  /** Shows an SVG document (the `--format svg` text), fitted to the width when it is wider. */
  show(svgText: string): void {
    // Our own emitter's output: escaped text, no scripts. The XML declaration is not HTML.
    this.container.innerHTML = svgText.replace(/^<\?xml[^>]*>\s*/, '');
    const svg = this.svg();
    this.width = Number(svg?.getAttribute('width') ?? 0);
    this.height = Number(svg?.getAttribute('height') ?? 0);
    if (this.fitScale() < 1) this.fit();
    else this.set(1);
  }

  clear(): void {
    this.container.replaceChildren();
  }

  private svg(): SVGSVGElement | null {
    return this.container.querySelector('svg');
  }

  /** The scale at which the whole picture is visible: the container's width, and its CSS max-height (70vh). */
  private fitScale(): number {
    if (this.width === 0 || this.height === 0) return 1;
    const maxHeight = parseFloat(getComputedStyle(this.container).maxHeight) || window.innerHeight;
    return Math.min((this.container.clientWidth - 2) / this.width, (maxHeight - 2) / this.height);
  }

  private fit(): void {
    this.set(this.fitScale());
  }

  private set(scale: number): void {
    this.scale = Math.min(MAX, Math.max(MIN, scale));
    const svg = this.svg();
    if (!svg || this.width === 0) return;
    svg.style.width = `${Math.round(this.width * this.scale)}px`;
    svg.style.height = `${Math.round(this.height * this.scale)}px`;
    this.label.textContent = `${Math.round(this.scale * 100)}%`;
  }
}
