/**
 * UTF-8 through the platform's TextEncoder/TextDecoder. Core's tsconfig leaves out the DOM and Node
 * libs (so a slip towards host APIs fails to compile), which also hides these two globals; every
 * runtime core targets — Node, browsers, workers, the VS Code extension host — has them.
 */
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(bytes: Uint8Array): string };
}
const codecs = globalThis as unknown as TextCodecs;

export function encodeUtf8(text: string): Uint8Array {
  return new codecs.TextEncoder().encode(text);
}

/** Decodes UTF-8; with `fatal`, invalid bytes throw instead of becoming U+FFFD. */
export function decodeUtf8(bytes: Uint8Array, fatal = false): string {
  return new codecs.TextDecoder('utf-8', { fatal }).decode(bytes);
}
