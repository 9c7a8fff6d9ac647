/**
 * A warning's identity for acknowledgements: the SHA-256 of its canonical JSON, shortened. Two warnings with the
 * same content have the same key; any change of content (another count, another dataset, another band) gives
 * another key, so an acknowledgement never carries over to a warning the coordinator has not read.
 */
import { hashJson } from '../utils/stable-json';

/** 16 hex digits (64 bits): enough to tell the warnings of one request apart, short enough to type in the CLI. */
export const WARNING_KEY_LENGTH = 16;

export function warningKey(warning: unknown): string {
  return hashJson(warning).slice(0, WARNING_KEY_LENGTH);
}
