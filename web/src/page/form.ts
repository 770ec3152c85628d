/**
 * The inputs: reading and writing the playground state (shared/url-state.ts) from the form, the
 * built-in group catalogue, and custom group files pasted, chosen or dropped.
 */
import type { Catalogue } from '../shared/catalogue.js';
import type { PlaygroundState } from '../shared/url-state.js';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

/** The form's fields. */
export const fields = {
  form: byId<HTMLFormElement>('problem'),
  group: byId<HTMLInputElement>('group'),
  in: byId<HTMLInputElement>('in'),
  out: byId<HTMLInputElement>('out'),
  strategy: byId<HTMLSelectElement>('strategy'),
  certify: byId<HTMLInputElement>('certify'),
  maxMemory: byId<HTMLInputElement>('maxmem'),
  fileName: byId<HTMLInputElement>('file-name'),
  fileText: byId<HTMLTextAreaElement>('file-text'),
  fileInput: byId<HTMLInputElement>('file-input'),
  custom: byId<HTMLDetailsElement>('custom'),
};

/**
 * The state the form shows now.
 *
 * @example
 * readForm() // { group: 'S5', in: 'tensor2', certify: false }
 */
export function readForm(): PlaygroundState {
  const out = fields.out.value.trim();
  const text = fields.fileText.value;
  const name = fields.fileName.value.trim() || 'custom.json';
  return {
    group: fields.group.value.trim(),
    in: fields.in.value.trim(),
    ...(out !== '' ? { out } : {}),
    ...(fields.strategy.value ? { strategy: fields.strategy.value } : {}),
    certify: fields.certify.checked,
    ...(fields.maxMemory.value.trim() ? { maxMemory: fields.maxMemory.value.trim() } : {}),
    ...(text.trim() !== '' ? { file: { name, text } } : {}),
  };
}

/** Shows a state in the form (from the URL). */
export function writeForm(s: PlaygroundState): void {
  fields.group.value = s.group;
  fields.in.value = s.in;
  fields.out.value = s.out ?? '';
  fields.certify.checked = s.certify;
  fields.maxMemory.value = s.maxMemory ?? '';
  if (s.strategy) {
    // Keep an unknown strategy from a link visible; the solve then says what is accepted.
    if (![...fields.strategy.options].some((o) => o.value === s.strategy)) fields.strategy.add(new Option(s.strategy, s.strategy));
    fields.strategy.value = s.strategy;
  }
  if (s.file) {
    fields.fileName.value = s.file.name;
    fields.fileText.value = s.file.text;
    fields.custom.open = true;
  }
}

/** Fills the strategy list from the library's choices (the worker sends them). */
export function setStrategies(choices: readonly string[]): void {
  const chosen = fields.strategy.value;
  fields.strategy.replaceChildren(new Option('automatic', ''), ...choices.map((c) => new Option(c, c)));
  if (chosen && !choices.includes(chosen)) fields.strategy.add(new Option(chosen, chosen));
  fields.strategy.value = chosen;
}

/** The catalogue section and the group field's suggestions; `use` solves a family's example. */
export function showCatalogue(c: Catalogue, use: (example: string) => void): void {
  byId('catalogue-heading').textContent = c.heading;
  byId('catalogue-notes').textContent = c.notes;
  byId('group-examples').replaceChildren(...c.entries.map((e) => new Option(e.name, e.example)));
  byId('catalogue-list').replaceChildren(
    ...c.entries.map((e) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `use ${e.example}`;
      button.addEventListener('click', () => use(e.example));
      const pre = document.createElement('pre');
      pre.textContent = e.text;
      li.append(button, pre);
      return li;
    }),
  );
}

/**
 * Custom group files: chosen with the file input or dropped on the page. The file's name becomes
 * the group (unless the group field already names it, e.g. in a product), then `loaded` runs.
 */
export function acceptGroupFiles(loaded: () => void): void {
  const take = async (file: File): Promise<void> => {
    fields.fileName.value = file.name;
    fields.fileText.value = await file.text();
    fields.custom.open = true;
    if (!fields.group.value.includes(file.name)) fields.group.value = file.name;
    loaded();
  };
  fields.fileInput.addEventListener('change', () => {
    const file = fields.fileInput.files?.[0];
    if (file) void take(file);
  });
  document.addEventListener('dragover', (e) => {
    e.preventDefault();
    fields.custom.classList.add('dragover');
  });
  document.addEventListener('dragleave', () => fields.custom.classList.remove('dragover'));
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    fields.custom.classList.remove('dragover');
    const file = e.dataTransfer?.files[0];
    if (file) void take(file);
  });
}
