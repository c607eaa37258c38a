/**
 * The form module's public contract: what the eager module (and the glossary popup) pass to
 * `open()`, and what the form reports back after saving. Kept in its own file, with no imports,
 * so that the callers can depend on the types without pulling the form's code into their bundle.
 *
 * How the module is reached: the caller runs `mw.loader.using( 'ext.gadget.ldwg-form' )` and
 * listens on `mw.hook( FORM_API_HOOK )`; the form module fires that hook once, when it loads,
 * with a {@link FormApi}. `mw.hook` remembers the last firing, so a listener added later still
 * receives it.
 *
 * @packageDocumentation
 */

/** Name of the `mw.hook` the form module fires once on load with its {@link FormApi}. */
export const FORM_API_HOOK = 'ldwg.form.api';

/** Prefix of {@link FormRequest.sectionId} when the glossary popup asks about a concept. */
export const GLOSSARY_SECTION_PREFIX = 'glossary:';

/** What the form reports once an entry has been saved. */
export interface FormSaveResult {
	/** Id of the saved entry (the codec's entry id). */
	entryId: string;
	/** Talk page the entry was saved to (the SOURCE draft's talk page), e.g. `Talk:Draft`. */
	talkTitle: string;
	/**
	 * Fragment of the new thread on the talk page (without `#`), so that
	 * `mw.util.getUrl( talkTitle ) + '#' + anchor` links to the entry.
	 */
	anchor: string;
	/** Section the entry is about (same as the request's), so callers can update its counts. */
	sectionId: string;
	/** Stance id chosen by the reader, so callers can update the stance spread in place. */
	stance: string;
}

/** What a caller passes to {@link FormApi.open}. */
export interface FormRequest {
	/**
	 * Section marker id (`data-ldwg-section`), or `glossary:<concept id>` for feedback on a
	 * glossary concept.
	 */
	sectionId: string;
	/** Id of the draft in the configuration (`drafts[].id`). */
	draftId: string;
	/**
	 * Human-readable label of the section as the reader sees it (heading text), used in the
	 * dialog title and in the thread's summary. Optional: the form falls back to the section id.
	 */
	sectionLabel?: string;
	/**
	 * Fragment of the section's heading on the page viewed (its `id`, without `#`), when the
	 * caller knows it. Sent as `returntoanchor` with the edit, so that a reader for whom the
	 * edit creates a temporary account comes back to this section after MediaWiki's redirect.
	 */
	sectionAnchor?: string;
	/** Title of the page being read (the source draft or one of its `/xx` translations). */
	viewedTitle: string;
	/** Title of the SOURCE draft; feedback goes to its talk page. */
	sourceTitle: string;
	/** Revision of the viewed page the reader was looking at (`wgRevisionId`). */
	revisionId: number;
	/** Language of the viewed page (`wgPageContentLanguage`), e.g. `ar` on `<draft>/ar`. */
	pageLanguage: string;
	/** Direction of the viewed page's language. */
	pageDir: 'ltr' | 'rtl';
	/** Element focused again when the form closes (the "Give feedback" button). */
	returnFocus: HTMLElement;
	/**
	 * The configuration document as the caller loaded it (raw JSON, not yet validated). The form
	 * validates it with `parseConfig` and refuses to open half-way on a broken one. Optional so
	 * that a caller without it gets a clear "configuration unavailable" message, not a crash.
	 */
	config?: unknown;
	/** Called once after a successful save. */
	onSaved( result: FormSaveResult ): void;
}

/** What the form module hands out through {@link FORM_API_HOOK}. */
export interface FormApi {
	/**
	 * Opens the form for one section. If a form is already open, it is closed first (its text
	 * stays in the local draft).
	 */
	open( request: FormRequest ): void;
	/** Closes the open form, if any, and returns focus to its `returnFocus` element. */
	close(): void;
}
