// `cohort-ab/element`: the <gitlab-experiment name="…"> custom element, framework
// free. Importing the module defines the element where there is a DOM.
//
//   <gitlab-experiment name="pill_color">
//     <template data-variant="control"><button class="pill">Pill</button></template>
//     <template data-variant="red"><button class="pill red">Pill</button></template>
//   </gitlab-experiment>
//
// It renders a copy of the assigned variant's template after its templates,
// and nothing until the answer is final. When there is no data or no
// matching template it renders control's: the template named after the
// definition's control variant, else "control", else the first template. Variant names and pushed data are only ever compared
// with `data-variant`: nothing from them becomes markup.
import { DEFAULT_VARIANT } from './gitlab_api.js';
import { runtime } from './runtime.js';
import { settledVariant, slotFor } from './slots.js';
import { subscribe } from './state.js';

/** The tag the module defines. */
export const EXPERIMENT_TAG = 'gitlab-experiment';

/** Dispatched (bubbling) after the element renders a variant's template. */
export const RENDER_EVENT = 'gitlab-experiment:render';

export interface RenderDetail {
  experiment: string;
  /** The variant of the answer. */
  variant: string;
  /** The variant whose template was rendered: the answer's, or control's as fallback. */
  rendered: string;
}

/** The element's own interface, for code that holds one. */
export interface GitlabExperimentElement extends HTMLElement {
  /** The variant whose template is shown, or undefined while nothing is. */
  readonly renderedVariant: string | undefined;
}

function ownTemplates(host: HTMLElement): HTMLTemplateElement[] {
  const templates: HTMLTemplateElement[] = [];
  for (const child of Array.from(host.children)) {
    if (child.localName === 'template' && child.hasAttribute('data-variant')) templates.push(child as HTMLTemplateElement);
  }
  return templates;
}

function isTemplate(node: Node): boolean {
  return node.nodeType === 1 && (node as Element).localName === 'template';
}

function createElementClass(Base: typeof HTMLElement): typeof HTMLElement {
  return class GitlabExperiment extends Base {
    static get observedAttributes(): string[] {
      return ['name'];
    }

    private rendered: Node[] = [];
    private renderedFrom: HTMLTemplateElement | undefined;
    private renderedName: string | undefined;
    private unsubscribe: (() => void) | undefined;
    private observer: MutationObserver | undefined;
    private reportedNoName = false;

    get renderedVariant(): string | undefined {
      return this.renderedFrom?.getAttribute('data-variant') ?? undefined;
    }

    private clear(): void {
      for (const node of this.rendered) node.parentNode?.removeChild(node);
      this.rendered = [];
      this.renderedFrom = undefined;
      this.renderedName = undefined;
    }

    connectedCallback(): void {
      this.unsubscribe ??= subscribe(() => this.update());
      if (!this.observer && typeof MutationObserver === 'function') {
        // Templates added or removed later (a framework filling the element in) count too.
        this.observer = new MutationObserver((records) => {
          const touched = records.some((r) => [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].some(isTemplate));
          if (touched) this.update(); // a no-op when the same template still applies
        });
        this.observer.observe(this, { childList: true });
      }
      const doc = this.ownerDocument;
      if (doc.readyState === 'loading') {
        // The parser may not have reached every template yet: rendering control
        // now could mean swapping to the variant a moment later.
        doc.addEventListener('DOMContentLoaded', () => this.update(), { once: true });
      } else {
        this.update();
      }
    }

    disconnectedCallback(): void {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.observer?.disconnect();
      this.observer = undefined;
    }

    attributeChangedCallback(): void {
      if (this.isConnected) this.update();
    }

    private update(): void {
      // While the parser may still add templates, wait: the DOMContentLoaded
      // listener of connectedCallback renders once the element is complete.
      if (this.ownerDocument.readyState === 'loading') return;
      const name = this.getAttribute('name') ?? '';
      if (name === '' && !this.reportedNoName) {
        this.reportedNoName = true;
        runtime().report({ source: 'context', path: '', message: `<${EXPERIMENT_TAG}> without a name attribute: showing control` });
      }
      const variant = name === '' ? DEFAULT_VARIANT : settledVariant(name);
      if (variant === undefined) {
        // Not final yet: keep what is shown, unless it belongs to another experiment.
        if (this.renderedName !== undefined && this.renderedName !== name) this.clear();
        return;
      }
      const templates = ownTemplates(this);
      const slot = slotFor(
        name,
        variant,
        templates.map((t) => t.getAttribute('data-variant') ?? ''),
      );
      const template = slot === undefined ? undefined : templates.find((t) => t.getAttribute('data-variant') === slot);
      if (template === this.renderedFrom && name === this.renderedName) return;
      this.clear();
      this.renderedFrom = template;
      this.renderedName = name;
      if (!template) return;
      const copy = this.ownerDocument.importNode(template.content, true);
      this.rendered = Array.from(copy.childNodes);
      this.appendChild(copy);
      const detail: RenderDetail = { experiment: name, variant, rendered: slot! };
      this.dispatchEvent(new CustomEvent(RENDER_EVENT, { bubbles: true, detail }));
    }
  };
}

/**
 * Defines the element under `tag` in `registry` (the window's by default) and
 * returns its class; returns the class already defined there, if any. Does
 * nothing and returns undefined where there is no DOM (Node, SSR).
 */
export function defineExperimentElement(
  tag: string = EXPERIMENT_TAG,
  registry: CustomElementRegistry | undefined = globalThis.customElements,
): typeof HTMLElement | undefined {
  if (!registry || typeof globalThis.HTMLElement !== 'function') return undefined;
  const existing = registry.get(tag);
  if (existing) return existing;
  const element = createElementClass(globalThis.HTMLElement);
  registry.define(tag, element);
  return element;
}

defineExperimentElement();
