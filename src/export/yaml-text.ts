import YAML from 'yaml';

// YAML escapes C0 controls in double-quoted scalars but writes DEL and C1 raw; they are escaped as \xNN.
const NEEDS_QUOTES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const RAW_C1 = /[\u007f-\u009f]/g;

/** YAML text of a value (the same value --json prints): exact strings, no raw control character, no line folding. */
export function yamlText(value: unknown): string {
  const doc = new YAML.Document(value);
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && NEEDS_QUOTES.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({ lineWidth: 0 });
  return text.replace(RAW_C1, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
