// Public surface of the rules module: pure protocol rules, no I/O, no clock.
export * from './types';
export * from './errors';
