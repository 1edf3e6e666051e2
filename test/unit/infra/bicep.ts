/**
 * Just enough reading of Bicep for static checks (there is no Bicep compiler on these machines):
 * comments and strings are told apart from code, and parameters, variables, resources, outputs and
 * the web app's settings are listed.
 */

export interface BicepParam {
  name: string;
  type: string;
  defaultValue: string | undefined;
  decorators: string[];
  line: number;
}

export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
  existing: boolean;
  conditional: boolean;
  line: number;
}

/**
 * The code with comments blanked and string contents replaced by spaces (interpolations `${...}`
 * stay code), same length and line breaks as the input. Throws on an unterminated string/comment.
 */
export function codeOnly(source: string): string {
  let out = '';
  let i = 0;
  // Each entry: the brace depth at which a `${` interpolation started inside a string.
  const interpolations: number[] = [];
  let depth = 0;
  let inString = false;
  while (i < source.length) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (inString) {
      if (c === '\\') {
        out += '  ';
        i += 2;
      } else if (c === "'") {
        out += c;
        inString = false;
        i++;
      } else if (c === '$' && next === '{') {
        out += '${';
        interpolations.push(depth);
        depth++;
        inString = false;
        i += 2;
      } else if (c === '\n') {
        throw new Error(`unterminated string before line ${source.slice(0, i).split('\n').length}`);
      } else {
        out += ' ';
        i++;
      }
      continue;
    }
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end === -1) throw new Error('unterminated block comment');
      out += source.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
    } else if (c === "'") {
      if (source.startsWith("'''", i)) throw new Error('multi-line strings are not supported by this reader');
      out += c;
      inString = true;
      i++;
    } else {
      if (c === '{') depth++;
      if (c === '}') {
        depth--;
        if (interpolations.length > 0 && interpolations[interpolations.length - 1] === depth) {
          interpolations.pop();
          out += c;
          inString = true;
          i++;
          continue;
        }
      }
      out += c;
      i++;
    }
  }
  if (inString) throw new Error('unterminated string at end of file');
  return out;
}

/** Checks (), [] and {} pair up in the code; returns the problems found. */
export function bracketProblems(code: string): string[] {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: { char: string; line: number }[] = [];
  const problems: string[] = [];
  let line = 1;
  for (const c of code) {
    if (c === '\n') line++;
    else if ('([{'.includes(c)) stack.push({ char: c, line });
    else if (c in pairs) {
      const open = stack.pop();
      if (!open || open.char !== pairs[c]) problems.push(`line ${line}: unexpected '${c}'`);
    }
  }
  for (const open of stack) problems.push(`line ${open.line}: '${open.char}' never closed`);
  return problems;
}

export function params(source: string): BicepParam[] {
  const lines = source.split('\n');
  const found: BicepParam[] = [];
  let decorators: string[] = [];
  lines.forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed.startsWith('@')) {
      decorators.push(trimmed);
      return;
    }
    const match = /^param\s+(\w+)\s+(\w+)(?:\s*=\s*(.+))?$/.exec(trimmed);
    if (match) {
      found.push({ name: match[1] as string, type: match[2] as string, defaultValue: match[3], decorators, line: index + 1 });
    }
    // Decorators spread over several lines (@allowed([...])) keep collecting until the param.
    if (match || (!trimmed.startsWith("'") && !trimmed.startsWith(']') && !trimmed.startsWith(')') && trimmed !== '')) decorators = [];
  });
  return found;
}

export function vars(source: string): string[] {
  return [...source.matchAll(/^var\s+(\w+)\s*=/gm)].map((m) => m[1] as string);
}

export function resources(source: string): BicepResource[] {
  return [...source.matchAll(/^resource\s+(\w+)\s+'([^'@]+)@([^']+)'\s*(existing\s*)?=\s*(if\s*\()?/gm)].map((m) => ({
    symbol: m[1] as string,
    type: m[2] as string,
    apiVersion: m[3] as string,
    existing: Boolean(m[4]),
    conditional: Boolean(m[5]),
    line: source.slice(0, m.index).split('\n').length,
  }));
}

export function outputs(source: string): { name: string; type: string; expression: string }[] {
  return [...source.matchAll(/^output\s+(\w+)\s+(\w+)\s*=\s*(.+)$/gm)].map((m) => ({ name: m[1] as string, type: m[2] as string, expression: m[3] as string }));
}

/** The text of the resource declaration that starts with `resource <symbol> `, up to its closing brace. */
export function resourceBody(source: string, symbol: string): string {
  const code = codeOnly(source);
  const start = code.search(new RegExp(`^resource\\s+${symbol}\\s`, 'm'));
  if (start === -1) throw new Error(`no resource ${symbol}`);
  const open = code.indexOf('{', start);
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    if (code[i] === '}' && --depth === 0) return source.slice(start, i + 1);
  }
  throw new Error(`resource ${symbol} never closes`);
}

/** The `{ name: '...' value: ... }` pairs of an `appSettings: [ ... ]` array. */
export function appSettings(source: string): { name: string; value: string }[] {
  const start = source.indexOf('appSettings: [');
  if (start === -1) throw new Error('no appSettings');
  const code = codeOnly(source);
  let depth = 0;
  let end = -1;
  for (let i = source.indexOf('[', start); i < code.length; i++) {
    if (code[i] === '[') depth++;
    if (code[i] === ']' && --depth === 0) {
      end = i;
      break;
    }
  }
  const block = source.slice(start, end);
  return [...block.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+)/g)].map((m) => ({ name: m[1] as string, value: (m[2] as string).trim() }));
}
