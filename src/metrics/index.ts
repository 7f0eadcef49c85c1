// counts
export { countToNumber, isCountString, isUnsafeCount, parseCount } from './counts';
