/**
 * The part of `@visx/shape` the components use (`LinePath` with the default linear curve), for the
 * embed build only, which aliases `@visx/shape` here: visx's `LinePath` brings d3-shape's `line`
 * and d3-path (~2.3 KB gzip) to join points with straight segments. The path text is the same as
 * d3's: coordinates rounded to 3 decimals, `M…L…`, a lone point closed with `Z`, undefined points
 * splitting the line.
 */
import type { SVGProps } from 'react';

/** Props of {@link LinePath}: those of `@visx/shape`'s, without `curve` and `children`. */
export type LinePathProps<Datum> = Omit<SVGProps<SVGPathElement>, 'x' | 'y' | 'children'> & {
  data?: readonly Datum[];
  x: (datum: Datum, index: number, data: readonly Datum[]) => number;
  y: (datum: Datum, index: number, data: readonly Datum[]) => number;
  defined?: (datum: Datum, index: number, data: readonly Datum[]) => boolean;
};

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** d3-shape's `line()` with `curveLinear` and 3 digits, as a function of the data. */
export function linePath<Datum>(
  data: readonly Datum[],
  x: LinePathProps<Datum>['x'],
  y: LinePathProps<Datum>['y'],
  defined: NonNullable<LinePathProps<Datum>['defined']> = () => true,
): string {
  let d = '';
  let run = 0;
  for (let i = 0; i <= data.length; i++) {
    const datum = data[i] as Datum;
    if (i < data.length && defined(datum, i, data)) {
      d += `${run++ ? 'L' : 'M'}${round(+x(datum, i, data))},${round(+y(datum, i, data))}`;
    } else {
      if (run === 1) d += 'Z';
      run = 0;
    }
  }
  return d;
}

/** A `<path>` through the points, as `@visx/shape`'s `LinePath` draws it. */
export function LinePath<Datum>({
  data = [],
  x,
  y,
  defined,
  fill = 'transparent',
  className,
  ...rest
}: LinePathProps<Datum>) {
  return (
    <path
      className={className ? `visx-linepath ${className}` : 'visx-linepath'}
      d={linePath(data, x, y, defined)}
      fill={fill}
      strokeLinecap="round"
      {...rest}
    />
  );
}
