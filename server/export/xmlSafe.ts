// Characters XML 1.0 cannot carry, and lone surrogate halves (a cut emoji): a .docx containing them does not open.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Text a .docx (and an HTTP header) can carry: control characters XML 1.0 forbids are dropped, a lone
 * surrogate half becomes U+FFFD (so the reader sees that a character was lost). Linear in the text.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (ch) => (ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ''))
}
