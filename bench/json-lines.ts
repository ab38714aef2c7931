// JSON with one array element per line: problem and schedule files stay readable and diff line by line.
export function toJsonLines(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${JSON.stringify(value)}\n`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const lines = entries.map(([key, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    if (Array.isArray(v) && v.length > 0) {
      const items = v.map((item, j) => `    ${JSON.stringify(item)}${j < v.length - 1 ? ',' : ''}`);
      return `  ${JSON.stringify(key)}: [\n${items.join('\n')}\n  ]${comma}`;
    }
    return `  ${JSON.stringify(key)}: ${JSON.stringify(v)}${comma}`;
  });
  return `{\n${lines.join('\n')}\n}\n`;
}
