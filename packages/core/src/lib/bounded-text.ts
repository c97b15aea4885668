/**
 * Text from outside cut to at most `limit` of its characters, then an ellipsis: a message, a log line or an error
 * built from a token, an answer or a caller's input never grows with that input.
 */
export function boundedText(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text
}
