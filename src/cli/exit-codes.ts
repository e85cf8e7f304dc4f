/** 0: nothing at or above the threshold; 1: findings at or above it (or a rule crashed); 2: usage or config error. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
