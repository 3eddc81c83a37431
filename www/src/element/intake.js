// Getting reports in: the drop zone (a button: Enter and Space open the file picker), drops
// anywhere on the element, and pasted text. Each hands items { name, read | input } on.

/** root: the element's .root; analyze(items) takes the reports; activate() starts the engine. */
export function bindIntake(root, { analyze, activate }) {
  const $ = (sel) => root.querySelector(sel);
  const dz = $('#dropzone');
  const input = $('#file-input');
  const files = (list) => [...list].map((f) => ({ name: f.name, read: async () => f }));
  dz.addEventListener('click', () => {
    activate();
    input.click();
  });
  root.addEventListener('dragover', (e) => {
    e.preventDefault();
    dz.classList.add('over');
  });
  root.addEventListener('dragleave', (e) => {
    if (!root.contains(e.relatedTarget)) dz.classList.remove('over');
  });
  root.addEventListener('drop', (e) => {
    e.preventDefault();
    dz.classList.remove('over');
    if (e.dataTransfer?.files?.length) analyze(files(e.dataTransfer.files));
  });
  input.addEventListener('change', () => {
    const list = files(input.files);
    input.value = '';
    if (list.length) analyze(list);
  });
  $('#paste-button').addEventListener('click', () => analyze([{ name: '', input: $('#paste-text').value }]));
}
