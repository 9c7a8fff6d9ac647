/**
 * The two browser globals dexie-export-import reaches for that Node lacks: `self` (it checks for workers'
 * FileReaderSync) and `FileReader` (it reads the export Blob in chunks). Import before dexie-export-import.
 * The renderer runs in Chromium, which has both; these stand-ins only read a Blob's bytes.
 */
const g = globalThis as Record<string, unknown>;
g['self'] ??= globalThis;

class NodeFileReader {
  result: ArrayBuffer | string | null = null;
  error: Error | null = null;
  onload: ((event: { target: NodeFileReader }) => void) | null = null;
  onerror: ((event: { target: NodeFileReader }) => void) | null = null;
  onabort: ((event: { target: NodeFileReader }) => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error : new Error(String(error));
        this.onerror?.({ target: this });
      },
    );
  }

  readAsText(blob: Blob): void {
    blob.text().then(
      (text) => {
        this.result = text;
        this.onload?.({ target: this });
      },
      (error: unknown) => {
        this.error = error instanceof Error ? error : new Error(String(error));
        this.onerror?.({ target: this });
      },
    );
  }
}

g['FileReader'] ??= NodeFileReader;
