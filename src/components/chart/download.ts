// Downloads render the SVG standalone: theme colors live in CSS custom properties that a file
// opened on its own cannot resolve, so computed colors are written into attributes.

import { saveBlob } from '../internal/saveBlob.js';

const SHAPE = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linejoin',
  'stroke-linecap',
  'opacity',
];
const TEXT = ['fill', 'font-family', 'font-size', 'font-weight'];

const SVG_NS = 'http://www.w3.org/2000/svg';
const TRANSPARENT = /^transparent$|^rgba\(.*,\s*0\)$/;

/** Whether a computed value is usable outside the page (unresolved `var()` is not). */
function usable(value: string): boolean {
  return value !== '' && !value.includes('var(');
}

/**
 * Standalone SVG text of a chart: computed colors and fonts inlined, `style` and class names
 * dropped, interaction marks (crosshair) removed, a background of the chart's surface color.
 */
export function serializeChartSvg(svg: SVGSVGElement, background: string | undefined): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = svg.querySelectorAll('*');
  const target = clone.querySelectorAll('*');
  const view = svg.ownerDocument.defaultView;
  for (let i = 0; i < source.length; i++) {
    const from = source[i] as Element;
    const to = target[i] as Element;
    to.removeAttribute('class');
    // groups only pass values down; their children get their own computed values
    if (from.localName === 'g') continue;
    const properties = from.localName === 'text' ? TEXT : SHAPE;
    const computed = view ? view.getComputedStyle(from) : undefined;
    for (const property of properties) {
      const value = computed?.getPropertyValue(property) ?? '';
      if (usable(value)) to.setAttribute(property, value);
    }
    // keep inline values that are already concrete (e.g. a literal stroke color)
    const inline = (from as SVGElement).style;
    if (inline) {
      for (const property of properties) {
        const value = inline.getPropertyValue(property);
        if (usable(value) && !to.hasAttribute(property)) to.setAttribute(property, value);
      }
    }
    to.removeAttribute('style');
  }
  for (const mark of clone.querySelectorAll('[data-export="skip"]')) mark.remove();
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  if (background && usable(background) && !TRANSPARENT.test(background)) {
    const rect = svg.ownerDocument.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', background);
    clone.insertBefore(rect, clone.firstChild);
  }
  const text = new XMLSerializer().serializeToString(clone);
  // serialisers add the namespace of an SVG element themselves; a second xmlns would be invalid XML
  return text.includes('xmlns=') ? text : text.replace('<svg', `<svg xmlns="${SVG_NS}"`);
}

/** Saves the chart as an SVG file. */
export function downloadSvg(svg: SVGSVGElement, background: string | undefined, fileName: string): void {
  const text = serializeChartSvg(svg, background);
  saveBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), `${fileName}.svg`);
}

/** Saves the chart as a PNG at the screen's pixel density, drawn from the standalone SVG. */
export async function downloadPng(
  svg: SVGSVGElement,
  background: string | undefined,
  fileName: string,
): Promise<void> {
  const text = serializeChartSvg(svg, background);
  const width = svg.width.baseVal.value || svg.getBoundingClientRect().width;
  const height = svg.height.baseVal.value || svg.getBoundingClientRect().height;
  const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 3);
  const image = new Image();
  image.width = width;
  image.height = height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Canvas 2D is not available');
  context.scale(ratio, ratio);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The PNG could not be encoded');
  saveBlob(blob, `${fileName}.png`);
}
