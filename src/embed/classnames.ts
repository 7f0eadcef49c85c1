/**
 * The part of `classnames` that visx uses (`cx('visx-linepath', className)`), as a small ES
 * module: the embed build aliases `classnames` here, saving its CommonJS wrapper and interop code.
 */
export default function classNames(...names: unknown[]): string {
  return names.filter((name): name is string => typeof name === 'string' && name !== '').join(' ');
}
