/**
 * Showing the answer: the status line and progress, the summary, the picture, symbolic labels,
 * warnings, errors with their caret, and the download buttons.
 */
import { errorText, type ErrorView } from '../shared/error-view.js';
import type { EmitterInfo, PictureMessage, ResultMessage } from '../shared/protocol.js';
import { PictureZoom } from './zoom.js';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

const el = {
  status: byId('status'),
  progress: byId<HTMLProgressElement>('progress'),
  cancel: byId<HTMLButtonElement>('cancel'),
  error: byId('error'),
  warnings: byId('warnings'),
  summary: byId('summary'),
  summaryHeading: byId('summary-heading'),
  labels: byId('labels'),
  labelList: byId('label-list'),
  downloadsSection: byId('downloads-section'),
  downloads: byId('downloads'),
  pictureSection: byId('picture-section'),
};

const zoom = new PictureZoom(byId('picture'), byId('picture-section').querySelector<HTMLElement>('.zoom')!, byId('zoom-level'));

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function setStatus(text: string): void {
  el.status.textContent = text;
}

/** While a solve runs: the cancel button, and the progress bar once blocks are counted. */
export function showBusy(busy: boolean): void {
  el.cancel.hidden = !busy;
  if (!busy) el.progress.hidden = true;
  document.body.dataset['busy'] = String(busy);
}

export function showProgress(done: number, total: number): void {
  el.progress.hidden = total <= 1;
  el.progress.max = total;
  el.progress.value = done;
}

/** Clears the previous answer (a new one is coming, or an error replaces it). */
export function clearAnswer(): void {
  el.error.hidden = true;
  el.warnings.hidden = true;
  el.summary.textContent = '';
  el.summaryHeading.hidden = true;
  el.labels.hidden = true;
  el.downloadsSection.hidden = true;
  el.pictureSection.hidden = true;
  zoom.clear();
}

/** An error, worded as on the terminal, with the caret line under the bad column. */
export function showError(view: ErrorView): void {
  el.error.textContent = errorText(view);
  el.error.dataset['code'] = view.code;
  el.error.hidden = false;
}

export function showResult(r: ResultMessage): void {
  clearAnswer();
  el.summary.textContent = r.summary;
  el.summaryHeading.hidden = false;
  el.warnings.replaceChildren(
    ...r.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = `warning: ${w}`;
      return li;
    }),
  );
  el.warnings.hidden = r.warnings.length === 0;
  if (r.labels) {
    el.labelList.replaceChildren(
      ...r.labels.map((l) => {
        const li = document.createElement('li');
        li.textContent = l;
        return li;
      }),
    );
    el.labels.hidden = false;
  }
  el.downloadsSection.hidden = false;
  el.pictureSection.hidden = false;
  zoom.clear();
  byId('picture').textContent = 'drawing…';
}

/** The picture, which follows the result (see PictureMessage); or why it could not be drawn. */
export function showPicture(p: PictureMessage): void {
  if (p.svg.ok) zoom.show(p.svg.text);
  else {
    zoom.clear();
    byId('picture').textContent = errorText(p.svg.error);
  }
}

/** File name of a download: `s5-tensor2.json`, `s5-tensor2-pytorch.py` (two formats write .py). */
function downloadName(slug: string, e: EmitterInfo): string {
  return e.id === e.extension ? `${slug}.${e.extension}` : `${slug}-${e.id}.${e.extension}`;
}

/**
 * One button per emitter of the library's registry except the summary (shown above): a new
 * format (networks) appears here by itself. `fetch` gets the text from the worker.
 */
export function showDownloads(emitters: readonly EmitterInfo[], slug: () => string, fetch: (id: string) => Promise<string>): void {
  el.downloads.replaceChildren(
    ...emitters
      .filter((e) => e.id !== 'summary')
      .map((e) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset['format'] = e.id;
        button.textContent = `${e.id} (.${e.extension})`;
        button.title = e.description;
        button.addEventListener('click', () => {
          button.disabled = true;
          fetch(e.id)
            .then((text) => save(text, downloadName(slug(), e)))
            .catch((view: ErrorView) => {
              if (view.code !== 'cancelled') showError(view);
            })
            .finally(() => (button.disabled = false));
        });
        return button;
      }),
  );
}

/** Saves text as a file through an <a download> (works from file:// and needs no server). */
function save(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
