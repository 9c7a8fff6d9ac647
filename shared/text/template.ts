/**
 * Fills `{name}` placeholders of the core's sv/en text tables (letter, method text, trend texts). A placeholder
 * without a value is an error, never a silent "{name}" in a letter a sponsor reads.
 */
export function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`text: no value for {${name}} in "${template}"`);
    return value;
  });
}
