import { chartCaptionSvg, type LegendEntry } from '../../core/export/chart-svg';

export interface ChartImage {
  readonly markup: string;
  readonly width: number;
  readonly height: number;
}

/**
 * A standalone SVG document of a drawn chart: the chart's <svg> (its legend is HTML, so it is drawn
 * again in SVG below the plot with the title), on a white background, with explicit size and font.
 */
export function chartSvg(svg: SVGSVGElement, title: string, legend: readonly LegendEntry[]): ChartImage {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width);
  const plotHeight = Math.round(box.height);
  const caption = chartCaptionSvg(title, legend, width, plotHeight);
  const height = plotHeight + caption.height;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  const inner = new XMLSerializer().serializeToString(clone);
  const markup =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${inner}${caption.markup}</svg>\n`;
  return { markup, width, height };
}

/** The SVG rasterised on a canvas (2× for sharp text), as a PNG blob. */
export async function chartPng(image: ChartImage, pixelRatio = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.markup], { type: 'image/svg+xml' }));
  try {
    const element = new Image();
    element.src = url;
    await element.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width * pixelRatio;
    canvas.height = image.height * pixelRatio;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gave no 2D canvas to draw the PNG on');
    context.scale(pixelRatio, pixelRatio);
    context.drawImage(element, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
