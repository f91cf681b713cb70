/** An image standing alone as a paragraph (`![alt](src)`), with the HTML remark-rehype prints for it. */
import { Fragment } from './fragment.js';
import { escapeAttribute, hrefAttribute } from './html.js';

export function image(alt: string, src: string): Fragment {
  const mdAlt = alt.replace(/[\\[\]]/g, '\\$&');
  return new Fragment(`![${mdAlt}](${src})`, `<img src="${hrefAttribute(src)}" alt="${escapeAttribute(alt)}">`);
}
