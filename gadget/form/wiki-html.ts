/**
 * Builds DOM nodes from HTML rendered by the wiki's parser (`action=parse`), without ever
 * assigning HTML to a live element.
 *
 * Why: the form shows two pieces of wiki-parsed HTML, the entry preview and MediaWiki's
 * `anoneditwarning` notice. MediaWiki sanitises parser output on the server, and the reader's
 * text was encoded by the entry codec before parsing, so this HTML should already be harmless.
 * This module is defence in depth: even a compromised, proxied or simply unexpected response
 * (a changed skin hook, an extension's output, a misconfigured wiki) cannot run code in the
 * reader's session, where the gadget holds an edit token.
 *
 * How: the string is parsed into an inert document (`DOMParser`: its scripts never run, its
 * images never load, its handlers never fire), then walked; only allowlisted HTML elements are
 * re-created in the page's document with `createElement`, only allowlisted attributes are copied
 * (each value checked), text is copied as text. Everything else is dropped:
 *
 * - elements that carry code, load or embed content, or submit data (`script`, `style`,
 *   `iframe`, `object`, `embed`, `form` and its controls, `base`, `meta`, `link`, `template`,
 *   `svg`, `math`…), with everything inside them;
 * - other unknown elements are unwrapped: their text stays, the element goes;
 * - every `on…` handler and `style` (inline CSS can cover the page to mislead the reader or
 *   fetch tracking URLs; the few styles the entry template relies on are in `form.css`);
 * - elements the saved page would not show, with their content: inline `display: none` (which
 *   MediaWiki's Sanitizer keeps, so a template or a reader's markup can hide text on the talk
 *   page) and the `hidden` attribute. Dropping the style alone would show that text in the
 *   preview, which is meant to look as the entry will;
 * - `id` and `name` (preview markup must not clobber the page's own ids, which the gadgets
 *   look up with `getElementById`), `data-…`, `role`, `aria-…` (their ids point nowhere here);
 * - `href` and `src` unless they are http(s), protocol-relative, relative or fragment URLs
 *   (no `javascript:`, `data:`, `vbscript:`, `blob:`, `file:`…), checked with the URL parser the
 *   browser itself uses, so encoded or whitespace-split schemes are caught too.
 *
 * @packageDocumentation
 */

/** The HTML namespace: elements from any other namespace (SVG, MathML) are dropped. */
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Elements dropped together with everything inside them: they run code, load or embed other
 * content, change how the page resolves URLs, or take input. Other elements that are not in
 * {@link ELEMENT_ATTRIBUTES} are unwrapped (their content stays).
 */
const DROPPED_WITH_CONTENT = new Set( [
	'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
	'applet', 'param', 'base', 'meta', 'link', 'title', 'head', 'svg', 'math', 'canvas', 'audio',
	'video', 'source', 'track', 'picture', 'portal', 'form', 'input', 'button', 'select',
	'option', 'optgroup', 'textarea', 'datalist', 'output', 'keygen', 'dialog', 'slot',
] );

/** Attributes allowed on every allowlisted element. */
const GLOBAL_ATTRIBUTES = [ 'class', 'lang', 'dir', 'title' ];

/**
 * Allowlisted elements (what MediaWiki's Sanitizer lets through plus what its parser writes)
 * and the attributes each may keep beyond {@link GLOBAL_ATTRIBUTES}.
 */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
	a: [ 'href', 'rel', 'hreflang' ],
	abbr: [],
	b: [],
	bdi: [],
	bdo: [],
	big: [],
	blockquote: [],
	br: [],
	caption: [],
	center: [],
	cite: [],
	code: [],
	col: [ 'span' ],
	colgroup: [ 'span' ],
	data: [ 'value' ],
	dd: [],
	del: [],
	dfn: [],
	div: [],
	dl: [],
	dt: [],
	em: [],
	figcaption: [],
	figure: [],
	font: [],
	h1: [],
	h2: [],
	h3: [],
	h4: [],
	h5: [],
	h6: [],
	hr: [],
	i: [],
	img: [ 'src', 'alt', 'width', 'height' ],
	ins: [],
	kbd: [],
	li: [ 'value' ],
	mark: [],
	ol: [ 'start', 'reversed', 'type' ],
	p: [],
	pre: [],
	q: [],
	rb: [],
	rp: [],
	rt: [],
	rtc: [],
	ruby: [],
	s: [],
	samp: [],
	small: [],
	span: [],
	strike: [],
	strong: [],
	sub: [],
	sup: [],
	table: [],
	tbody: [],
	td: [ 'colspan', 'rowspan' ],
	tfoot: [],
	th: [ 'colspan', 'rowspan', 'scope' ],
	thead: [],
	time: [ 'datetime' ],
	tr: [],
	tt: [],
	u: [],
	ul: [ 'type' ],
	var: [],
	wbr: [],
};

/** Attributes whose value is a URL. */
const URL_ATTRIBUTES = new Set( [ 'href', 'src' ] );
/** Attributes whose value must be a small non-negative integer. */
const NUMBER_ATTRIBUTES = new Set( [ 'width', 'height', 'colspan', 'rowspan', 'span', 'start', 'value' ] );
/** Schemes a link or image may use once resolved. */
const SAFE_PROTOCOLS = new Set( [ 'http:', 'https:' ] );
/**
 * Base for resolving relative URLs. A URL without a scheme takes the base's scheme, so resolving
 * against any https base tells whether the value brings a scheme of its own, and which.
 */
const CHECK_BASE = 'https://base.invalid/';

/**
 * Whether a URL attribute value is safe to keep: an http(s) URL, a protocol-relative or relative
 * URL (the wiki's pages are served over http(s)), or a fragment. Checked with the WHATWG URL
 * parser, the one the browser uses to follow the link, so tabs, newlines, leading control
 * characters or odd case in the scheme cannot slip a `javascript:` past the check.
 *
 * @param value The attribute's value as written.
 * @return Whether it may be kept.
 */
export function isSafeUrl( value: string ): boolean {
	try {
		return SAFE_PROTOCOLS.has( new URL( value, CHECK_BASE ).protocol );
	} catch {
		return false;
	}
}

/** Options of {@link wikiHtmlFragment}. */
export interface WikiHtmlOptions {
	/**
	 * Hosts images may load from besides the page's own (e.g. the wiki's upload host from
	 * `wgUploadPath`). An image from anywhere else is dropped: loading it would tell a third
	 * party that this reader is previewing (a tracking pixel), and the wiki's parser never
	 * emits such images itself.
	 */
	imageHosts?: readonly string[];
}

/** What one conversion allows, worked out once. */
interface Policy {
	base: string;
	imageHosts: ReadonlySet<string>;
}

/** Whether an image URL (already known to be http(s)) loads from an allowed host. */
function isAllowedImage( value: string, policy: Policy ): boolean {
	try {
		return policy.imageHosts.has( new URL( value, policy.base ).host );
	} catch {
		return false;
	}
}

/** The checked value of one attribute, or `null` to drop it. */
function attributeValue(
	element: string, name: string, value: string, policy: Policy,
): string | null {
	if ( URL_ATTRIBUTES.has( name ) ) {
		if ( !isSafeUrl( value ) ) {
			return null;
		}
		return element === 'img' && !isAllowedImage( value, policy ) ? null : value;
	}
	if ( NUMBER_ATTRIBUTES.has( name ) ) {
		return /^\d{1,6}$/.test( value.trim() ) ? value.trim() : null;
	}
	if ( name === 'dir' ) {
		const dir = value.trim().toLowerCase();
		return dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : null;
	}
	return value;
}

/** Copies the allowed, checked attributes of `source` onto `target`. */
function copyAttributes(
	source: Element, target: HTMLElement, allowed: readonly string[], policy: Policy,
): void {
	for ( const attribute of Array.from( source.attributes ) ) {
		// Attributes with a namespace (xlink:href, xml:lang…) are not HTML attributes: dropped.
		const name = attribute.namespaceURI === null ? attribute.name.toLowerCase() : '';
		if ( !GLOBAL_ATTRIBUTES.includes( name ) && !allowed.includes( name ) ) {
			continue;
		}
		const value = attributeValue( target.localName, name, attribute.value, policy );
		if ( value !== null ) {
			target.setAttribute( name, value );
		}
	}
}

/**
 * Whether the saved page would hide `element` by itself: the `hidden` attribute, or an inline
 * style whose `display` is `none`. The style is read by the inert document's own CSS parser
 * (the one that decides on the talk page), so comments, case, `!important` and escapes in the
 * declaration are understood as the browser understands them; a stylesheet's rules are not
 * seen, as they are not part of the preview.
 */
function isHidden( element: Element ): boolean {
	if ( element.hasAttribute( 'hidden' ) ) {
		return true;
	}
	const style = ( element as Partial<ElementCSSInlineStyle> ).style;
	return !!style && style.getPropertyValue( 'display' ).trim().toLowerCase() === 'none';
}

/** Appends to `parent` the safe copies of `source`'s children, recursively. */
function copyChildren( source: Node, parent: Node, doc: Document, policy: Policy ): void {
	for ( const child of Array.from( source.childNodes ) ) {
		if ( child.nodeType === Node.TEXT_NODE ) {
			parent.appendChild( doc.createTextNode( ( child as Text ).data ) );
			continue;
		}
		if ( child.nodeType !== Node.ELEMENT_NODE ) {
			// Comments, processing instructions, CDATA: nothing to show.
			continue;
		}
		const element = child as Element;
		const name = element.localName.toLowerCase();
		if ( element.namespaceURI !== HTML_NS || DROPPED_WITH_CONTENT.has( name ) ) {
			continue;
		}
		if ( isHidden( element ) ) {
			continue;
		}
		const allowed = Object.prototype.hasOwnProperty.call( ELEMENT_ATTRIBUTES, name ) ?
			ELEMENT_ATTRIBUTES[ name ] : undefined;
		if ( !allowed ) {
			// Unknown but not dangerous (e.g. a custom tag): keep what it says, not what it is.
			copyChildren( element, parent, doc, policy );
			continue;
		}
		const copy = doc.createElement( name );
		copyAttributes( element, copy, allowed, policy );
		copyChildren( element, copy, doc, policy );
		parent.appendChild( copy );
	}
}

/** The policy of one conversion in `doc`: its base URL and the hosts images may come from. */
function policyFor( doc: Document, options: WikiHtmlOptions ): Policy {
	const base = doc.baseURI || CHECK_BASE;
	const ownHost = ( () => {
		try {
			return new URL( base ).host;
		} catch {
			return '';
		}
	} )();
	return {
		base,
		imageHosts: new Set( [ ownHost, ...( options.imageHosts || [] ) ].filter( Boolean ) ),
	};
}

/**
 * Whether an image URL from the wiki (a CAPTCHA image) may be shown in `doc`: http(s) and from
 * the page's own host or one of `options.imageHosts`, as images in the preview.
 */
export function isAllowedImageUrl(
	value: string, doc: Document, options: WikiHtmlOptions = {},
): boolean {
	return isSafeUrl( value ) && isAllowedImage( value, policyFor( doc, options ) );
}

/**
 * Turns HTML from the wiki's parser into a fragment of `doc` that holds only allowlisted
 * elements, attributes and text (see the module comment for what is dropped and why). The HTML
 * is parsed in an inert document; nothing in it runs or loads while it is read, and nothing
 * dangerous is carried over, so the fragment can be appended to the page as it is.
 *
 * @param html HTML from `action=parse` (or any other untrusted HTML).
 * @param doc The document the nodes are created in (the page's).
 * @param options Extra hosts images may come from.
 * @return A fragment to append where the HTML should show.
 */
export function wikiHtmlFragment(
	html: string, doc: Document, options: WikiHtmlOptions = {},
): DocumentFragment {
	const policy = policyFor( doc, options );
	const inert = new DOMParser().parseFromString( html, 'text/html' );
	const fragment = doc.createDocumentFragment();
	copyChildren( inert.body, fragment, doc, policy );
	return fragment;
}

/**
 * The wiki's upload host, from `wgUploadPath` (e.g. `//upload.wikimedia.org/wikipedia/meta` on
 * Meta; a path on the local wiki, whose host is the page's own), for
 * {@link WikiHtmlOptions.imageHosts}.
 */
export function uploadHosts( uploadPath: unknown, pageUrl: string ): string[] {
	if ( typeof uploadPath !== 'string' || !uploadPath ) {
		return [];
	}
	try {
		return [ new URL( uploadPath, pageUrl ).host ];
	} catch {
		return [];
	}
}
