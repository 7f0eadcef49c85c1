/** Saves a blob under `fileName` through a temporary link (CSV exports, chart SVG and PNG files). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // revoked on the next task: the click has started the download by then (some browsers cancel
  // it if the URL is revoked sooner)
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
