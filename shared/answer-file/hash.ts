// An answer file's content hash: SHA-256 of the canonical JSON of every member but the hash itself.
import { hashJson } from '../utils/stable-json';
import type { AnswerFile, AnswerFileContent } from './types';

/** The content hash of an answer file (or of its content before the hash is added). */
export function answerFileHash(content: AnswerFileContent | AnswerFile): string {
  const { contentHash: _ignored, ...rest } = content as AnswerFile;
  return hashJson(rest);
}

/** True when the file's content matches its contentHash (nothing was edited after it was made). */
export function verifyAnswerFileHash(file: AnswerFile): boolean {
  return answerFileHash(file) === file.contentHash;
}
