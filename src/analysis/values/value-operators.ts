/** The JavaScript operators constant folding evaluates; anything else is UNKNOWN. */

/** An operator StaticValues does not fold. */
export const UNKNOWN = Symbol('unknown');

export function unary(operator: string, value: unknown): unknown {
  switch (operator) {
    case '-':
      return -(value as number);
    case '+':
      return Number(value);
    case '!':
      return !value;
    case 'typeof':
      return typeof value;
    case 'void':
      return undefined;
    default:
      return UNKNOWN;
  }
}

export function binary(operator: string, a: unknown, b: unknown): unknown {
  switch (operator) {
    case '+':
      return typeof a === 'string' || typeof b === 'string' ? String(a) + String(b) : (a as number) + (b as number);
    case '-':
      return (a as number) - (b as number);
    case '*':
      return (a as number) * (b as number);
    case '/':
      return (a as number) / (b as number);
    case '%':
      return (a as number) % (b as number);
    case '**':
      return (a as number) ** (b as number);
    case '===':
      return a === b;
    case '!==':
      return a !== b;
    default:
      return UNKNOWN;
  }
}
