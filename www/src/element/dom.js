// DOM helpers. Report text only ever reaches the page through text nodes, never as HTML.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Report content: marked as Chinese, so that screen readers switch voice in the English UI. */
export function content(tag, attrs, ...children) {
  return el(tag, { ...attrs, lang: 'zh-CN' }, ...children);
}

/** A box laid out off screen in `container` for one rendered frame, then removed: the
 * warm-ups, whose text must be laid out (text that is not loads no font). `fill(box)` fills it
 * and may return (or resolve to, when it works in steps) what to do before the box goes. */
export function offScreenForAFrame(container, cssText, fill) {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.dataset.warmUp = ''; // what the tests look for, not where it stands
  box.style.cssText = `position:absolute;left:-10000px;top:0;pointer-events:none;${cssText}`;
  container.append(box);
  Promise.resolve(fill(box))
    .then(async (done) => {
      await afterFrame();
      done?.();
    })
    // a warm-up that fails leaves the first report's drawing cold, nothing else
    .catch(() => {})
    .finally(() => box.remove());
}

/** Runs `fn` when the page is idle (within 3 s). */
export const idle = (fn) => (globalThis.requestIdleCallback ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 50));

/** Resolves when the page is next idle: a step of work spread over idle periods. */
export const whenIdle = () => new Promise((resolve) => idle(resolve));

/** Lets the browser paint between render steps, so no step holds the main thread long. */
export function yieldToBrowser() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves after the browser has rendered a frame (style and layout done in its own task,
 * not forced inside ours by the next read of a size); at once in a hidden tab, which renders
 * no frames. */
export function afterFrame() {
  if (typeof document === 'undefined' || document.hidden || typeof requestAnimationFrame !== 'function') return yieldToBrowser();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
