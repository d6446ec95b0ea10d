import type { DownloadFile } from '$contract/data';
import { downloadToBlob } from './downloads';

/** Hands the file to the browser (or the desktop shell) as a download through a temporary link. */
export function saveFile(file: DownloadFile): void {
  const url = URL.createObjectURL(downloadToBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser may still be reading the Blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
